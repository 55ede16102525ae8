// Makes cairo's SVG text reproducible and self-describing.

import Foundation

/// Rewrites cairo's SVG output: renumbers the process-wide `surfaceN` ids from 1 in order of
/// appearance (cairo counts surfaces per process, so a long-lived worker would otherwise
/// write different bytes for the same page), adds a `<title>` and the invisible text layer
/// (`SVGTextLayer`) at the end of the drawing.
enum SVGPostProcessor {
    static func process(_ bytes: [UInt8], title: String, textLayer: String = "") -> [UInt8] {
        var text = String(decoding: bytes, as: UTF8.self)
        text = renumberSurfaces(text)
        if let svgOpen = text.range(of: "<svg"), let close = text[svgOpen.upperBound...].range(of: ">") {
            text.insert(contentsOf: "\n<title>\(escapeXML(title))</title>", at: close.upperBound)
        }
        if !textLayer.isEmpty, let end = text.range(of: "</svg>", options: .backwards) {
            text.insert(contentsOf: textLayer, at: end.lowerBound)
        }
        return Array(text.utf8)
    }

    private static func renumberSurfaces(_ text: String) -> String {
        var numbers: [Substring: Int] = [:]
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var rest = text[...]
        while let found = rest.range(of: "surface") {
            out += rest[..<found.upperBound]
            rest = rest[found.upperBound...]
            let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
            if !digits.isEmpty {
                let n = numbers[digits] ?? (numbers.count + 1)
                numbers[digits] = n
                out += String(n)
                rest = rest[digits.endIndex...]
            }
        }
        out += rest
        return out
    }

    static func escapeXML(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
