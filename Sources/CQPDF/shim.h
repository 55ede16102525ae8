// libqpdf's C API: what cairo cannot write into a PDF (language, alt text, XMP, output intent).
#include <qpdf/qpdf-c.h>
