// gdk-pixbuf: decodes JPEG (and other raster) assets; cairo itself reads only PNG.
#include <gdk-pixbuf/gdk-pixbuf.h>
