// librsvg: SVG assets drawn onto cairo contexts (vector in PDF and SVG output).
#include <librsvg/rsvg.h>
