// One PDF stream's data read decoded, changed, and written back through libqpdf.

internal import CQPDF
import Foundation

/// Replaces a stream's data with `transform` of its decoded bytes (deflated again when
/// written); leaves it as it is when it cannot be decoded or `transform` returns nil. Bytes,
/// not text: a content stream's strings may hold any byte.
func rewriteStream(_ qpdf: qpdf_data, _ stream: qpdf_oh, _ transform: (UnsafeBufferPointer<UInt8>) -> [UInt8]?) {
    guard qpdf_oh_is_stream(qpdf, stream) != 0 else { return }
    var buffer: UnsafeMutablePointer<UInt8>?
    var length = 0
    var filtered: QPDF_BOOL = 0
    // QPDF_ERRORS is `1 << 1`, a macro Swift cannot import.
    guard qpdf_oh_get_stream_data(qpdf, stream, qpdf_dl_generalized, &filtered, &buffer, &length) & 2 == 0,
        let buffer
    else { return }
    defer { free(buffer) }
    guard filtered != 0, let changed = transform(UnsafeBufferPointer(start: buffer, count: length)) else { return }
    changed.withUnsafeBufferPointer { out in
        qpdf_oh_replace_stream_data(qpdf, stream, out.baseAddress, out.count, qpdf_oh_new_null(qpdf), qpdf_oh_new_null(qpdf))
    }
}
