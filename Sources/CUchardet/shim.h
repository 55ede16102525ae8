// uchardet: guesses the character encoding of bytes that are not valid UTF-8.
#include <uchardet/uchardet.h>
