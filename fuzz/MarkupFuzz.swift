// libFuzzer target: bytes → decode → parse → normalize → print. Must never crash or hang.

/// Every input goes through the whole markup front end: the decoder (any bytes), the parser,
/// typographic normalization and the printer; the printed markup is parsed again. Invariants
/// are checked with preconditions, so a violation is a crash libFuzzer reports.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkup(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let decoded = try? InputDecoder.decode(bytes) else { return 0 }
    let parsed = MarkupParser().parse(decoded.text)
    let utf8Count = decoded.text.utf8.count
    for diagnostic in parsed.diagnostics {
        if let span = diagnostic.span { precondition(span.start >= 0 && span.end <= utf8Count, "span inside the text") }
    }
    let normalized = parsed.document.normalized()
    precondition(normalized.blocks.count == parsed.document.blocks.count, "normalization keeps the blocks")
    let printed = MarkupPrinter().print(normalized)
    _ = MarkupParser().parse(printed)
    return 0
}
