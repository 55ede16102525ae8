// Quotes: «ёлочки» outside and „лапки“ inside in Russian; “ ” and ‘ ’ in English; apostrophes.

import GalleyCore

extension Normalization {
    /// Sets quotation marks by the custom of the text's language.
    ///
    /// - Russian custom (Мильчин, «Справочник издателя и автора»): «ёлочки» for a quotation,
    ///   „лапки“ for a quotation inside it, alternating deeper down. Russian print has no
    ///   single quotes, so a straight `'` used as a quote mark is set the same way.
    /// - English custom (Chicago Manual of Style, US): “double” outside, ‘single’ inside.
    ///   A quotation the author opened with single quotes (British style) keeps single quotes.
    /// - Which marks open: `«` and `„` always; `»` always closes. A straight `"`, `'` or an
    ///   ambiguous `“`/`”`/`‘` opens at the start of the text, after white space, an opening
    ///   bracket, a dash, a slash, a colon or another opening quote, and closes otherwise.
    ///   A straight quote between two spaces closes when a quotation is open, else opens.
    /// - Nesting is re-balanced by depth, so a «…» inside «…» becomes „…“ and a “…” inside “…”
    ///   becomes ‘…’, whatever marks the source used.
    /// - An apostrophe between two letters (`д'Артаньян`, `don't`, `O'Neill`) becomes ’, as
    ///   does an English elision before a year (`'90s`) and a `'` after a letter where no single
    ///   quotation is open (`the students' books`). A `'` or `"` right after a digit with no
    ///   quotation to close is a prime (`5'`, `12"`) and stays, as does a straight `"` standing
    ///   alone between spaces with no quotation open.
    enum Quotes {
        private enum Family { case double, single }

        private struct OpenQuote {
            var family: Family
            var closing: Unicode.Scalar
        }

        private static let openersBefore: Set<Unicode.Scalar> = ["(", "[", "{", "-", "–", "—", "/", ":", "«", "„"]

        static func apply(to draft: inout Draft, custom: Custom) {
            var edits: [Edit] = []
            var stack: [OpenQuote] = []
            var lastOpened = -2
            let outerClosing: Unicode.Scalar = custom == .russian ? "»" : "”"

            func set(_ i: Int, _ scalar: Unicode.Scalar) {
                if draft.scalars[i] != scalar { edits.append(Edit(at: i, scalar)) }
            }
            func open(_ i: Int, _ family: Family) {
                let pair: (Unicode.Scalar, Unicode.Scalar)
                switch custom {
                case .russian:
                    pair = stack.count % 2 == 0 ? ("«", "»") : ("„", "“")
                case .english:
                    let doubles = stack.filter { $0.family == .double }.count
                    pair = family == .single || doubles % 2 == 1 ? ("‘", "’") : ("“", "”")
                }
                stack.append(OpenQuote(family: family, closing: pair.1))
                set(i, pair.0)
                lastOpened = i
            }
            func isOpen(_ family: Family) -> Bool { stack.contains { $0.family == family } }
            func close(_ i: Int, _ family: Family) {
                if let k = stack.lastIndex(where: { $0.family == family }) {
                    set(i, stack[k].closing)
                    stack.removeSubrange(k...)
                } else {
                    set(i, family == .double ? outerClosing : "’")
                }
            }
            func opensByContext(_ i: Int, _ family: Family) -> Bool {
                let previous = draft[i - 1]
                let next = draft[i + 1]
                let nextIsSpace = next.map { ScalarClass.isWhitespace($0) } ?? true
                guard let previous else { return true }
                if ScalarClass.isWhitespace(previous) {
                    // Between two spaces (or before the end): close what is open, if anything.
                    return !(nextIsSpace && isOpen(family))
                }
                return openersBefore.contains(previous) || i - 1 == lastOpened
            }

            for i in 0..<draft.count where !draft.isProtected[i] {
                let c = draft.scalars[i]
                let previous = draft[i - 1]
                let next = draft[i + 1]
                switch c {
                case "«", "„":
                    open(i, .double)
                case "»":
                    close(i, .double)
                case "\"", "“", "”":
                    // A straight quote standing alone, with nothing open to close, is no quotation mark.
                    let standsAlone = (previous.map { ScalarClass.isWhitespace($0) } ?? true)
                        && (next.map { ScalarClass.isWhitespace($0) } ?? true)
                    if c == "\"", standsAlone, !isOpen(.double) { continue }
                    if opensByContext(i, .double) {
                        open(i, .double)
                    } else if isOpen(.double) || !(c == "\"" && previous?.isNumeral == true) {
                        close(i, .double)
                    }
                case "'", "‘", "’":
                    if previous?.isWordLetter == true, next?.isWordLetter == true {
                        set(i, "’")
                    } else if opensByContext(i, .single), let next, !ScalarClass.isWhitespace(next) {
                        if custom == .english, isElision(draft, at: i) { set(i, "’") } else { open(i, .single) }
                    } else if isOpen(.single) {
                        close(i, .single)
                    } else if c == "'", previous?.isNumeral == true {
                        continue
                    } else if previous.map({ !ScalarClass.isWhitespace($0) }) ?? false {
                        set(i, "’")
                    }
                default:
                    continue
                }
            }
            draft.apply(edits)
        }

        /// `'90s`, `'15`: an apostrophe standing for a century's digits.
        private static func isElision(_ draft: Draft, at i: Int) -> Bool {
            guard draft[i + 1]?.isNumeral == true, draft[i + 2]?.isNumeral == true else { return false }
            return draft[i + 3].map { !$0.isNumeral } ?? true
        }
    }
}
