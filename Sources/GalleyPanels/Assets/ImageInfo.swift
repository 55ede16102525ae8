// Reads a picture's pixel size from its header, to keep its aspect ratio on the page.

import Foundation
import GalleyCore

/// Pixel dimensions from file headers: PNG's IHDR, JPEG's SOF marker, SVG's width/height or
/// viewBox. Only sizes are read here; decoding is render's job (cairo, gdk-pixbuf, librsvg).
enum ImageInfo {
    static func size(ofFileAt path: String, format: ImageItem.Format) -> Size? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        // Headers sit near the start; 256 KiB covers JPEG files with large EXIF blocks.
        guard let data = try? handle.read(upToCount: 256 * 1024) else { return nil }
        let bytes = [UInt8](data)
        switch format {
        case .png: return png(bytes)
        case .jpeg: return jpeg(bytes)
        case .svg: return svg(bytes)
        }
    }

    static func png(_ b: [UInt8]) -> Size? {
        guard b.count >= 24, b[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
        let w = b[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let h = b[20..<24].reduce(0) { $0 << 8 | Int($1) }
        return w > 0 && h > 0 ? Size(width: Double(w), height: Double(h)) : nil
    }

    static func jpeg(_ b: [UInt8]) -> Size? {
        guard b.count > 4, b[0] == 0xFF, b[1] == 0xD8 else { return nil }
        var i = 2
        while i + 9 < b.count {
            guard b[i] == 0xFF else { i += 1; continue }
            let marker = b[i + 1]
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) || marker == 0xFF { i += 1; continue }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            // Start-of-frame markers (baseline, progressive, …) carry the size.
            if (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC {
                let h = Int(b[i + 5]) << 8 | Int(b[i + 6])
                let w = Int(b[i + 7]) << 8 | Int(b[i + 8])
                return w > 0 && h > 0 ? Size(width: Double(w), height: Double(h)) : nil
            }
            guard length >= 2 else { return nil }
            i += 2 + length
        }
        return nil
    }

    static func svg(_ b: [UInt8]) -> Size? {
        let text = String(decoding: b.prefix(8192), as: UTF8.self)
        guard let open = text.range(of: "<svg") else { return nil }
        let tag = text[open.upperBound...].prefix { $0 != ">" }
        func attribute(_ name: String) -> String? {
            guard let r = tag.range(of: " \(name)=") ?? tag.range(of: "\n\(name)=") else { return nil }
            let rest = tag[r.upperBound...]
            guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
            return String(rest.dropFirst().prefix { $0 != quote })
        }
        func number(_ s: String?) -> Double? {
            guard let s else { return nil }
            let digits = s.prefix { $0.isNumber || $0 == "." }
            return Double(digits)
        }
        if let w = number(attribute("width")), let h = number(attribute("height")), w > 0, h > 0,
            !(attribute("width") ?? "").hasSuffix("%")
        {
            return Size(width: w, height: h)
        }
        if let box = attribute("viewBox") {
            let parts = box.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            if parts.count == 4, parts[2] > 0, parts[3] > 0 { return Size(width: parts[2], height: parts[3]) }
        }
        return Size(width: 400, height: 300)
    }
}
