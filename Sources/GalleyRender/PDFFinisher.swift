// What cairo cannot write into a PDF, added through libqpdf: language, alt text, XMP, PDF/A.

internal import CQPDF
import Foundation

/// Facts about an article that its PDF carries beyond what cairo writes.
public struct PDFFacts: Sendable, Hashable {
    /// BCP 47 language of the article (`ru`, `en`): the catalog's /Lang and dc:language.
    public var language: String
    /// Where the article came from (its file name): dc:source.
    public var source: String
    /// Standards to claim and meet (`--pdf-standard`).
    public var standards: [PDFStandard]
    /// The headline, paragraphs and notes in another language: their elements' /Lang.
    public var parts: PartLanguages

    public init(language: String, source: String = "", standards: [PDFStandard] = [], parts: PartLanguages = PartLanguages()) {
        self.language = language
        self.source = source
        self.standards = standards
        self.parts = parts
    }
}

/// Rewrites cairo's PDF with libqpdf's object API (never by editing bytes): the catalog's
/// /Lang and /ViewerPreferences /DisplayDocTitle, /Alt on each Figure of the structure tree,
/// /Lang on each element in another language than the article's (`ElementLanguageMarking`),
/// an XMP metadata stream agreeing with the document information (title, language, dates,
/// source, producer; pdfaid and pdfuaid when a standard is claimed) and, for PDF/A, an sRGB
/// output intent with its ICC profile. The file ID is derived from the content, so the same
/// input still gives the same bytes.
struct PDFFinisher {
    /// Debian's icc-profiles-free (scripts/setup.sh).
    static let sRGBProfilePath = "/usr/share/color/icc/sRGB.icc"

    let facts: PDFFacts
    let metadata: DocumentMetadata
    let figureAlt: [String]
    /// Every structure element the painter opened, in order, with its own language.
    var elements: [(type: String, language: String?)] = []

    func finish(_ bytes: [UInt8]) throws -> [UInt8] {
        var data = qpdf_init()
        defer { qpdf_cleanup(&data) }
        guard let qpdf = data else { throw RenderError("libqpdf could not start") }
        qpdf_silence_errors(qpdf)
        let read = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                qpdf_read_memory(qpdf, "galley.pdf", chars.baseAddress, UInt64(chars.count), nil)
            }
        }
        try check(qpdf, read, "read cairo's PDF")
        let root = qpdf_get_root(qpdf)
        qpdf_oh_replace_key(qpdf, root, "/Lang", qpdf_oh_new_unicode_string(qpdf, facts.language))
        let preferences = qpdf_oh_new_dictionary(qpdf)
        qpdf_oh_replace_key(qpdf, preferences, "/DisplayDocTitle", qpdf_oh_new_bool(qpdf, 1))
        qpdf_oh_replace_key(qpdf, root, "/ViewerPreferences", preferences)
        let markInfo = qpdf_oh_new_dictionary(qpdf)
        qpdf_oh_replace_key(qpdf, markInfo, "/Marked", qpdf_oh_new_bool(qpdf, 1))
        qpdf_oh_replace_key(qpdf, root, "/MarkInfo", markInfo)
        setFigureAlt(qpdf, root: root)
        // Before ArtifactMarking, which takes the furniture's elements out of the tree.
        ElementLanguageMarking(qpdf: qpdf, root: root, elements: elements).apply()
        ArtifactMarking(qpdf: qpdf, root: root).apply()
        mapLigaturesToLetters(qpdf)
        let producer = qpdf_get_info_key(qpdf, "/Producer").map { String(cString: $0) } ?? ""
        let xmp = XMPPacket(facts: facts, metadata: metadata, producer: producer).text
        qpdf_oh_replace_key(qpdf, root, "/Metadata", stream(qpdf, Array(xmp.utf8), type: "/Metadata", subtype: "/XML"))
        if facts.standards.contains(where: { $0.pdfaConformance != nil }) {
            try addOutputIntent(qpdf, root: root)
        }
        try check(qpdf, qpdf_init_write_memory(qpdf), "write")
        qpdf_set_deterministic_ID(qpdf, 1)
        // cairo's streams stay as they are (not decoded and deflated again: that would cost a
        // batch time); the rewritten page contents are deflated. qpdf leaves XMP metadata
        // streams uncompressed, as PDF/A readers expect.
        qpdf_set_decode_level(qpdf, qpdf_dl_none)
        qpdf_set_compress_streams(qpdf, 1)
        qpdf_set_object_stream_mode(qpdf, qpdf_o_preserve)
        try check(qpdf, qpdf_write(qpdf), "write")
        guard let out = qpdf_get_buffer(qpdf) else { throw RenderError("libqpdf wrote no PDF") }
        return Array(UnsafeBufferPointer(start: out, count: qpdf_get_buffer_length(qpdf)))
    }

    /// The Figures of the structure tree in document order (depth first along /K), each given
    /// the next alt text; the painter opened them in that order.
    private func setFigureAlt(_ qpdf: qpdf_data, root: qpdf_oh) {
        var next = 0
        func visit(_ node: qpdf_oh, depth: Int) {
            guard depth < 64 else { return }
            if qpdf_oh_is_array(qpdf, node) != 0 {
                for i in 0..<qpdf_oh_get_array_n_items(qpdf, node) {
                    visit(qpdf_oh_get_array_item(qpdf, node, i), depth: depth + 1)
                }
                return
            }
            guard qpdf_oh_is_dictionary(qpdf, node) != 0, qpdf_oh_has_key(qpdf, node, "/S") != 0 else { return }
            let type = String(cString: qpdf_oh_get_name(qpdf, qpdf_oh_get_key(qpdf, node, "/S")))
            if type == "/Figure", next < figureAlt.count {
                qpdf_oh_replace_key(qpdf, node, "/Alt", qpdf_oh_new_unicode_string(qpdf, figureAlt[next]))
                next += 1
            }
            if qpdf_oh_has_key(qpdf, node, "/K") != 0 { visit(qpdf_oh_get_key(qpdf, node, "/K"), depth: depth + 1) }
        }
        let tree = qpdf_oh_get_key(qpdf, root, "/StructTreeRoot")
        if qpdf_oh_is_dictionary(qpdf, tree) != 0 { visit(qpdf_oh_get_key(qpdf, tree, "/K"), depth: 0) }
    }

    /// Every page font's ToUnicode map with ligatures mapped to their letters (`LigatureMapping`).
    private func mapLigaturesToLetters(_ qpdf: qpdf_data) {
        var seen = Set<Int32>()
        func fix(_ font: qpdf_oh) {
            guard qpdf_oh_is_dictionary(qpdf, font) != 0 else { return }
            if qpdf_oh_has_key(qpdf, font, "/DescendantFonts") != 0 {
                let kids = qpdf_oh_get_key(qpdf, font, "/DescendantFonts")
                for i in 0..<max(0, qpdf_oh_get_array_n_items(qpdf, kids)) { fix(qpdf_oh_get_array_item(qpdf, kids, i)) }
            }
            let map = qpdf_oh_get_key(qpdf, font, "/ToUnicode")
            guard qpdf_oh_is_stream(qpdf, map) != 0, seen.insert(qpdf_oh_get_object_id(qpdf, map)).inserted else { return }
            rewriteStream(qpdf, map, LigatureMapping.rewrite)
        }
        for n in 0..<max(0, qpdf_get_num_pages(qpdf)) {
            let page = qpdf_get_page_n(qpdf, size_t(n))
            let resources = qpdf_oh_get_key(qpdf, page, "/Resources")
            guard qpdf_oh_is_dictionary(qpdf, resources) != 0 else { continue }
            let fonts = qpdf_oh_get_key(qpdf, resources, "/Font")
            guard qpdf_oh_is_dictionary(qpdf, fonts) != 0 else { continue }
            var names: [String] = []
            qpdf_oh_begin_dict_key_iter(qpdf, fonts)
            while qpdf_oh_dict_more_keys(qpdf) != 0 { names.append(String(cString: qpdf_oh_dict_next_key(qpdf))) }
            for name in names { fix(qpdf_oh_get_key(qpdf, fonts, name)) }
        }
    }

    /// PDF/A's output intent: sRGB, with the ICC profile embedded.
    private func addOutputIntent(_ qpdf: qpdf_data, root: qpdf_oh) throws {
        guard let profile = FileManager.default.contents(atPath: Self.sRGBProfilePath) else {
            throw RenderError("PDF/A needs the sRGB ICC profile \(Self.sRGBProfilePath): install icc-profiles-free (scripts/setup.sh)")
        }
        let icc = stream(qpdf, Array(profile), type: nil, subtype: nil)
        let dictionary = qpdf_oh_get_dict(qpdf, icc)
        qpdf_oh_replace_key(qpdf, dictionary, "/N", qpdf_oh_new_integer(qpdf, 3))
        let intent = qpdf_oh_new_dictionary(qpdf)
        qpdf_oh_replace_key(qpdf, intent, "/Type", qpdf_oh_new_name(qpdf, "/OutputIntent"))
        qpdf_oh_replace_key(qpdf, intent, "/S", qpdf_oh_new_name(qpdf, "/GTS_PDFA1"))
        qpdf_oh_replace_key(qpdf, intent, "/OutputConditionIdentifier", qpdf_oh_new_string(qpdf, "sRGB IEC61966-2.1"))
        qpdf_oh_replace_key(qpdf, intent, "/Info", qpdf_oh_new_string(qpdf, "sRGB IEC61966-2.1"))
        qpdf_oh_replace_key(qpdf, intent, "/RegistryName", qpdf_oh_new_string(qpdf, "http://www.color.org"))
        qpdf_oh_replace_key(qpdf, intent, "/DestOutputProfile", icc)
        let intents = qpdf_oh_new_array(qpdf)
        qpdf_oh_append_item(qpdf, intents, qpdf_make_indirect_object(qpdf, intent))
        qpdf_oh_replace_key(qpdf, root, "/OutputIntents", intents)
    }

    /// A new indirect stream holding `bytes` unfiltered (PDF/A wants XMP readable as is).
    private func stream(_ qpdf: qpdf_data, _ bytes: [UInt8], type: String?, subtype: String?) -> qpdf_oh {
        let stream = qpdf_oh_new_stream(qpdf)
        bytes.withUnsafeBufferPointer { buffer in
            qpdf_oh_replace_stream_data(qpdf, stream, buffer.baseAddress, buffer.count, qpdf_oh_new_null(qpdf), qpdf_oh_new_null(qpdf))
        }
        let dictionary = qpdf_oh_get_dict(qpdf, stream)
        if let type { qpdf_oh_replace_key(qpdf, dictionary, "/Type", qpdf_oh_new_name(qpdf, type)) }
        if let subtype { qpdf_oh_replace_key(qpdf, dictionary, "/Subtype", qpdf_oh_new_name(qpdf, subtype)) }
        return stream
    }

    private func check(_ qpdf: qpdf_data, _ code: QPDF_ERROR_CODE, _ what: String) throws {
        // QPDF_ERRORS is `1 << 1`, a macro Swift cannot import.
        guard code & 2 != 0 else { return }
        let detail = qpdf_has_error(qpdf) != 0 ? String(cString: qpdf_get_error_full_text(qpdf, qpdf_get_error(qpdf))) : "unknown error"
        throw RenderError("libqpdf could not \(what): \(detail)")
    }
}
