// glibc's malloc_trim, which the Glibc module does not export (it lives in <malloc.h>).

/// Returns the free memory at the top of the heap and in free pages to the system.
@_silgen_name("malloc_trim")
func malloc_trim(_ pad: Int) -> Int32
