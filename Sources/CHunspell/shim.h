// libhunspell: spelling dictionaries (Debian's hunspell-ru, hunspell-en-us).
#include <hunspell/hunspell.h>
