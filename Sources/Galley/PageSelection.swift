// `--pages 1,3-5`: which pages of an article to write, as Typst takes them.

/// A set of 1-based page numbers and ranges (`1,3-5`, `2-`, `-3`), as Typst's `--pages`.
public struct PageSelection: Sendable, Hashable {
    /// Inclusive ranges; an open end is nil.
    private var parts: [Part]

    private struct Part: Sendable, Hashable {
        var first: Int?
        var last: Int?
    }

    /// Parses `1,3-5`; nil for anything else (a page 0, a range that runs backwards, letters).
    public init?(_ text: String) {
        var parts: [Part] = []
        for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = piece.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: [" "])
            }
            func number(_ s: String) -> Int?? {
                if s.isEmpty { return .some(nil) }
                guard let n = Int(s), n >= 1 else { return nil }
                return .some(n)
            }
            guard let first = number(bounds[0]) else { return nil }
            if bounds.count == 1 {
                guard let page = first else { return nil }
                parts.append(Part(first: page, last: page))
            } else {
                guard let last = number(bounds[1]), first != nil || last != nil else { return nil }
                if let f = first, let l = last, l < f { return nil }
                parts.append(Part(first: first, last: last))
            }
        }
        guard !parts.isEmpty else { return nil }
        self.parts = parts
    }

    /// The selected page numbers of an article with `count` pages, in order, each once.
    public func pageNumbers(of count: Int) -> [Int] {
        (1...max(1, count)).filter { page in
            page <= count && parts.contains { (page >= ($0.first ?? 1)) && (page <= ($0.last ?? Int.max)) }
        }
    }

    /// Pages named explicitly that the article does not have.
    public func missingPages(of count: Int) -> [Int] {
        parts.flatMap { part -> [Int] in
            guard let first = part.first, first > count else { return [] }
            return [first]
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
