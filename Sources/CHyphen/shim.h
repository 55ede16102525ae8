// libhyphen (no pkg-config file on Debian): pattern-based hyphenation.
#include <hyphen.h>
