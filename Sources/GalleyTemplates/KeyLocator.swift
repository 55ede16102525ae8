// Finds where a key stands in TOML text: TOMLKit reports positions for syntax errors only.

/// Line and column (1-based) of every `table.key` and `[table]` header in a TOML text, found
/// by a small scan: enough to point errors about unknown keys and wrong types at their place.
struct KeyLocator {
    private var positions: [String: (line: Int, column: Int)] = [:]

    init(_ text: String) {
        var table = ""
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            let indent = raw.prefix { $0 == " " || $0 == "\t" }.count
            let content = raw.dropFirst(indent)
            if content.hasPrefix("[") {
                let name = content.dropFirst().prefix { $0 != "]" }.trimmingSpaces()
                table = name
                // The header names its table and every enclosing one (`[fonts.body]` → `fonts`).
                var prefix = ""
                for part in name.split(separator: ".") {
                    prefix = prefix.isEmpty ? String(part) : prefix + "." + part
                    if positions[prefix] == nil { positions[prefix] = (line, indent + 1) }
                }
                continue
            }
            guard let equals = content.firstIndex(of: "="), !content.hasPrefix("#") else { continue }
            var key = content[..<equals].trimmingSpaces()
            if key.hasPrefix("\"") && key.hasSuffix("\"") && key.count >= 2 { key = String(key.dropFirst().dropLast()) }
            let path = table.isEmpty ? key : table + "." + key
            if positions[path] == nil { positions[path] = (line, indent + 1) }
        }
    }

    /// Where `path` (`page.size`, `fonts.body`) stands; the nearest enclosing table otherwise.
    func location(of path: String) -> (line: Int, column: Int) {
        var candidate = path
        while true {
            if let found = positions[candidate] { return found }
            guard let dot = candidate.lastIndex(of: ".") else { return (1, 1) }
            candidate = String(candidate[..<dot])
        }
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
