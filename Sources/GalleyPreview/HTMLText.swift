// Escaping for text and URLs put into the preview's HTML.

import Foundation

/// Every piece of text from an article, a path or a message goes through here before it
/// reaches the HTML: headlines and file names are input, not markup.
enum HTMLText {
    /// Text safe inside an element or a quoted attribute value.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A relative URL for a relative file path: each segment percent-encoded (so `#`, `?`,
    /// spaces and non-ASCII names survive), then escaped for an attribute.
    static func url(_ relativePath: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        let encoded = relativePath.split(separator: "/", omittingEmptySubsequences: false).map {
            String($0).addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        }
        return escape(encoded.joined(separator: "/"))
    }

    /// A number for CSS: at most three decimals, C locale.
    static func number(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }
}
