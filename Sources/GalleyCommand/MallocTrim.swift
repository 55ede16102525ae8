// glibc's malloc_trim, looked up at run time: the Glibc module does not export <malloc.h>,
// and other C libraries (macOS's) have no such call.

import Foundation

/// Returns the free memory at the top of the heap and in free pages to the system, where the
/// C library can (glibc); elsewhere does nothing.
func releaseFreeMemory() {
    typealias Trim = @convention(c) (Int) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
    _ = unsafeBitCast(symbol, to: Trim.self)(0)
}
