// The C surface galley uses: cairo (PDF, SVG, PNG surfaces) and Pango with its cairo glue.
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>
