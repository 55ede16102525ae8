// /Lang on the structure elements written in another language than the article.

internal import CQPDF

/// The parts of an article in another language than the article itself, as the parser
/// recorded them (GalleyMarkup's `LanguageDetector`, carried by the document: never detected
/// again here): the headline, paragraphs by their index among the document's blocks (the
/// index `Role.bodyLine` carries) and footnotes by theirs (`Role.footnote`). A part in the
/// article's language has no entry: it inherits the catalog's /Lang.
public struct PartLanguages: Sendable, Hashable {
    public var headline: String?
    public var paragraphs: [Int: String]
    public var notes: [Int: String]

    public init(headline: String? = nil, paragraphs: [Int: String] = [:], notes: [Int: String] = [:]) {
        self.headline = headline
        self.paragraphs = paragraphs
        self.notes = notes
    }

    /// Only the parts whose language differs from `article`'s.
    public init(article: String, headline: String?, paragraphs: [Int: String], notes: [Int: String]) {
        self.headline = headline == article ? nil : headline
        self.paragraphs = paragraphs.filter { $0.value != article }
        self.notes = notes.filter { $0.value != article }
    }
}

/// Gives structure elements their /Lang through libqpdf (cairo 1.16 writes no attributes).
///
/// `StructureTags` records, for every element it opens, its structure type and its language
/// (nil: the article's), in the order it opens them; cairo writes the structure tree in that
/// order (children in /K in the order begun), so a depth-first walk of /K meets the elements in
/// the same order. The walk checks each element's /S against the recorded type and stops at
/// the first that differs, rather than put a language on the wrong element. The Document
/// element is left out on both sides: cairo 1.16 lists its children in the tree root's /K
/// without the Document itself.
struct ElementLanguageMarking {
    let qpdf: qpdf_data
    let root: qpdf_oh
    /// Every element opened, in order: its type (`P`, `H1`, `Note`…) and its own language.
    let elements: [(type: String, language: String?)]

    /// The number of elements given a /Lang.
    @discardableResult
    func apply() -> Int {
        guard elements.contains(where: { $0.language != nil }) else { return 0 }
        let elements = elements.filter { $0.type != "Document" }
        let tree = qpdf_oh_get_key(qpdf, root, "/StructTreeRoot")
        guard qpdf_oh_is_dictionary(qpdf, tree) != 0 else { return 0 }
        var next = 0
        var marked = 0
        var inStep = true
        func visit(_ node: qpdf_oh, depth: Int) {
            guard inStep, depth < 64 else { return }
            if qpdf_oh_is_array(qpdf, node) != 0 {
                for i in 0..<qpdf_oh_get_array_n_items(qpdf, node) { visit(qpdf_oh_get_array_item(qpdf, node, i), depth: depth + 1) }
                return
            }
            // Marked-content references and integers (MCIDs) are no elements.
            guard qpdf_oh_is_dictionary(qpdf, node) != 0, qpdf_oh_has_key(qpdf, node, "/S") != 0 else { return }
            let type = String(cString: qpdf_oh_get_name(qpdf, qpdf_oh_get_key(qpdf, node, "/S")))
            if type == "/Document" {
                if qpdf_oh_has_key(qpdf, node, "/K") != 0 { visit(qpdf_oh_get_key(qpdf, node, "/K"), depth: depth + 1) }
                return
            }
            guard next < elements.count, type == "/" + elements[next].type else {
                inStep = false
                return
            }
            if let language = elements[next].language {
                qpdf_oh_replace_key(qpdf, node, "/Lang", qpdf_oh_new_unicode_string(qpdf, language))
                marked += 1
            }
            next += 1
            if qpdf_oh_has_key(qpdf, node, "/K") != 0 { visit(qpdf_oh_get_key(qpdf, node, "/K"), depth: depth + 1) }
        }
        visit(qpdf_oh_get_key(qpdf, tree, "/K"), depth: 0)
        return marked
    }
}
