// libFuzzer target: galley's own template text scanning (the key locator behind line:column).

/// TOMLKit wraps the C++ library toml++, which a swiftc-only libFuzzer build cannot link, so
/// this target fuzzes galley's own part of template reading: the scanner that finds where
/// every key stands, on any text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let locator = KeyLocator(text)
    for key in ["page", "page.size", "fonts.body.size", "a.b.c", ""] {
        let at = locator.location(of: key)
        precondition(at.line >= 1 && at.column >= 1, "positions are 1-based")
    }
    return 0
}
