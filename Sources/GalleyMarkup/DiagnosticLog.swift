// Collects the parser's diagnostics, capping how many of one kind a hostile file can produce.

import GalleyCore

/// The diagnostics of one parse, in input order.
///
/// A file with 100,000 stray `#{` would otherwise print 100,000 warnings; after
/// `maximumPerCode` of one code, the rest are counted and reported as one summary.
struct DiagnosticLog {
    /// Enough to see a pattern in the warnings, few enough to read on a terminal.
    static let maximumPerCode = 50

    private(set) var reported: [Diagnostic] = []
    private var counts: [String: Int] = [:]

    mutating func report(_ diagnostic: Diagnostic) {
        let count = counts[diagnostic.code, default: 0] + 1
        counts[diagnostic.code] = count
        if count <= Self.maximumPerCode { reported.append(diagnostic) }
    }

    mutating func report(contentsOf diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { report(diagnostic) }
    }

    /// All diagnostics, sorted by where they point (file-wide ones first), then one summary
    /// per code whose reports were capped.
    func finished() -> [Diagnostic] {
        // Stable: diagnostics at the same place keep the order they were found in.
        var all = reported.enumerated()
            .sorted { a, b in
                let x = a.element.span?.start ?? -1
                let y = b.element.span?.start ?? -1
                return x != y ? x < y : a.offset < b.offset
            }
            .map(\.element)
        for code in counts.keys.sorted() {
            guard let count = counts[code], count > Self.maximumPerCode else { continue }
            all.append(
                .warning(code, "\(count - Self.maximumPerCode) more '\(code)' warnings like the ones above are not shown"))
        }
        return all
    }
}
