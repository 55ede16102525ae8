#ifndef GALLEY_DEFLATE_LEVEL_H
#define GALLEY_DEFLATE_LEVEL_H

/// Sets the zlib level of every deflate stream opened from now on at zlib's default level,
/// as cairo opens its PDF streams (1 fastest … 9 smallest; -1: zlib's default, 6, again).
void galley_set_deflate_level(int level);

/// The level set by galley_set_deflate_level, -1 when none is.
int galley_deflate_level(void);

#endif
