// The pixel size of a PNG file, read from its header.

import Foundation

/// Width and height from a PNG's IHDR chunk: the size a dataset's image entry states is the
/// size of the file as written, not one computed again from the page.
public struct PNGSize: Sendable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Reads the first 24 bytes of a PNG: signature, IHDR length and type, width, height.
    public init?(_ bytes: some Collection<UInt8>) {
        let head = Array(bytes.prefix(24))
        guard head.count == 24, head.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
            head[12..<16].elementsEqual("IHDR".utf8)
        else { return nil }
        func number(_ at: Int) -> Int { head[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        width = number(16)
        height = number(20)
    }

    /// The size of the PNG file at `path`; nil when it cannot be read or is not a PNG.
    public init?(contentsOf path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 24) else { return nil }
        self.init(head)
    }
}
