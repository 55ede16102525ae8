#ifndef GALLEY_DEFLATE_LEVEL_H
#define GALLEY_DEFLATE_LEVEL_H

/// Sets the zlib level of every deflate stream that cairo opens from now on (1 fastest …
/// 9 smallest; -1 puts back what the caller asks, zlib's default 6 for cairo).
void galley_set_deflate_level(int level);

/// The level set by galley_set_deflate_level, -1 when none is.
int galley_deflate_level(void);

#endif
