// The golden listing of an article: every line's page, column, place and setting, one per row.

import Foundation
import Galley
import GalleyCore

/// A text listing of where every line of an article went and how it was set: what a golden
/// file holds, and what a change to line breaking or page filling shows up in.
///
/// One row per line (headline `H`, body `B` with its paragraph, footnote `F` with its note) and
/// per panel (`P`): page, column, the line's index on its page, its character count, a short
/// hash of its text and its Knuth–Plass adjustment ratio; with `withText`, the text itself.
/// Glyph ids and coordinates beyond the column stay out, so a font update moves no row whose
/// line did not move. Real articles (../shared) are listed without their text: the hash pins
/// each line without copying the article into this repository.
struct GoldenListing {
    static func listing(of article: Article, title: String, withText: Bool) -> String {
        var out = "# \(title): galley's lines (re-record after an intended change: make goldens)\n"
        out += "# page column index kind chars hash ratio" + (withText ? " | text" : "") + "\n"
        for page in article.pages {
            var index = 0
            for placed in page.frame.frames(where: { $0.isLine || $0.panel != nil }) {
                guard let role = placed.frame.role else { continue }
                let column = page.columns.firstIndex { placed.rect.minX < $0.maxX - 0.5 } ?? 0
                let head = "p\(page.number) c\(column + 1)"
                if let panel = role.panel {
                    out += "\(head) panel \(panel.kind) \(panel.id) y=\(format(placed.rect.minY, 1)) h=\(format(placed.rect.height, 1))\n"
                    continue
                }
                index += 1
                let kind: String
                switch role {
                case .headlineLine: kind = "H"
                case .bodyLine(let paragraph, _): kind = "B\(paragraph)"
                case .footnoteLine(let note): kind = "F\(note)"
                default: continue
                }
                let text = LayoutJSON.lineText(placed.frame)
                var row = "\(head) \(index) \(kind) n=\(text.unicodeScalars.count) #\(hash(text))"
                row += " r=\(placed.frame.line.map { format($0.ratio, 3) } ?? "-")"
                if withText { row += " | \(text)" }
                out += row + "\n"
            }
        }
        return out
    }

    /// FNV-1a of the UTF-8 text, 32 bits in hex: short, stable on every machine.
    static func hash(_ text: String) -> String {
        var h: UInt32 = 0x811c_9dc5
        for byte in text.utf8 {
            h ^= UInt32(byte)
            h = h &* 0x0100_0193
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    static func format(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value > 0 ? "inf" : "-inf" }
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }
}
