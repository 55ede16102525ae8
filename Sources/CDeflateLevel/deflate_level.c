// The zlib level of cairo's PDF streams.
//
// cairo deflates every PDF content stream and embedded font subset at zlib's default
// level (6) and has no setting for it. At that level deflate was 23 % of a batch's time
// (perf, 1,000 generated articles; 27 % of bare Pango + cairo, bench/pango_floor.c); level 1
// deflates the same streams in about half the time (1.9 → 1.1 ms an article in the floor)
// for PDFs 4.6 % larger. This file defines deflateInit_, the function behind zlib's
// deflateInit macro that cairo calls, in the executable: the dynamic linker binds cairo's
// call to the executable's definition before libz's, and this one asks libz for the same
// stream (deflateInit2_ with deflateInit's own window, memory level and strategy) at the
// level galley chose, and only when the caller asks for zlib's default level, as cairo does:
// a caller that names a level (zlib's own compress2(), GIO's compressor, if ever loaded)
// keeps it. Decompression, libpng (deflateInit2_) and every other zlib entry point are
// untouched.

#include <zlib.h>
#include <stdatomic.h>
#include "deflate_level.h"

static atomic_int chosen_level = -1;

void galley_set_deflate_level(int level) {
    atomic_store(&chosen_level, (level >= -1 && level <= 9) ? level : -1);
}

int galley_deflate_level(void) { return atomic_load(&chosen_level); }

int deflateInit_(z_streamp strm, int level, const char *version, int stream_size) {
    int chosen = atomic_load(&chosen_level);
    if (chosen >= 0 && level == Z_DEFAULT_COMPRESSION) level = chosen;
    return deflateInit2_(strm, level, Z_DEFLATED, MAX_WBITS, 8,
                         Z_DEFAULT_STRATEGY, version, stream_size);
}
