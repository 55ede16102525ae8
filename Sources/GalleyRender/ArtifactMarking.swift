// Page furniture as /Artifact marked content: what cairo 1.16 cannot write.

internal import CQPDF
import Foundation

/// Turns the stand-in structure elements that mark furniture (`StructureTags.artifactStandIn`)
/// into artifacts, with libqpdf's object API: each such element leaves the structure tree and
/// the parent tree, and its marked content `/Span << /MCID n >> BDC` in the page's content
/// becomes `/Artifact BMC` (the content stream is read and written through libqpdf; only that
/// operator, in the exact form cairo writes it, is rewritten). PDF/UA asks every piece of
/// content to be either tagged or an artifact; screen readers then skip running heads and
/// folios.
struct ArtifactMarking {
    let qpdf: qpdf_data
    let root: qpdf_oh

    func apply() {
        let tree = qpdf_oh_get_key(qpdf, root, "/StructTreeRoot")
        guard qpdf_oh_is_dictionary(qpdf, tree) != 0 else { return }
        // Stand-in elements by page object id: their MCIDs; and their object ids.
        var mcids: [Int32: Set<Int>] = [:]
        var removed = Set<Int32>()
        func visit(_ parent: qpdf_oh, depth: Int) {
            guard depth < 64, qpdf_oh_has_key(qpdf, parent, "/K") != 0 else { return }
            let kids = qpdf_oh_get_key(qpdf, parent, "/K")
            guard qpdf_oh_is_array(qpdf, kids) != 0 else {
                if qpdf_oh_is_dictionary(qpdf, kids) != 0 { visit(kids, depth: depth + 1) }
                return
            }
            var index = Int32(0)
            while index < qpdf_oh_get_array_n_items(qpdf, kids) {
                let kid = qpdf_oh_get_array_item(qpdf, kids, index)
                if let page = standInPage(kid) {
                    mcids[page, default: []].formUnion(mcidsOf(kid))
                    // cairo writes structure elements as indirect objects; a direct one has
                    // no id to find it by in the parent tree, and is left there.
                    let id = qpdf_oh_get_object_id(qpdf, kid)
                    if id != 0 { removed.insert(id) }
                    qpdf_oh_erase_item(qpdf, kids, index)
                    continue
                }
                if qpdf_oh_is_dictionary(qpdf, kid) != 0 { visit(kid, depth: depth + 1) }
                index += 1
            }
        }
        visit(tree, depth: 0)
        guard !mcids.isEmpty else { return }
        clearParentTree(tree, removed: removed)
        for n in 0..<max(0, qpdf_get_num_pages(qpdf)) {
            let page = qpdf_get_page_n(qpdf, size_t(n))
            guard let marked = mcids[qpdf_oh_get_object_id(qpdf, page)] else { continue }
            rewriteContents(of: page, mcids: marked)
        }
    }

    /// The page (object id) of a stand-in element, or nil when `node` is not one.
    private func standInPage(_ node: qpdf_oh) -> Int32? {
        guard qpdf_oh_is_dictionary(qpdf, node) != 0, qpdf_oh_has_key(qpdf, node, "/S") != 0,
            String(cString: qpdf_oh_get_name(qpdf, qpdf_oh_get_key(qpdf, node, "/S"))) == "/" + StructureTags.artifactStandIn,
            qpdf_oh_has_key(qpdf, node, "/Pg") != 0
        else { return nil }
        return qpdf_oh_get_object_id(qpdf, qpdf_oh_get_key(qpdf, node, "/Pg"))
    }

    private func mcidsOf(_ element: qpdf_oh) -> Set<Int> {
        let kids = qpdf_oh_get_key(qpdf, element, "/K")
        if qpdf_oh_is_integer(qpdf, kids) != 0 { return [Int(qpdf_oh_get_int_value_as_int(qpdf, kids))] }
        guard qpdf_oh_is_array(qpdf, kids) != 0 else { return [] }
        var found = Set<Int>()
        for i in 0..<qpdf_oh_get_array_n_items(qpdf, kids) {
            let kid = qpdf_oh_get_array_item(qpdf, kids, i)
            if qpdf_oh_is_integer(qpdf, kid) != 0 { found.insert(Int(qpdf_oh_get_int_value_as_int(qpdf, kid))) }
        }
        return found
    }

    /// The parent tree's entries for removed elements become null.
    private func clearParentTree(_ tree: qpdf_oh, removed: Set<Int32>) {
        let parents = qpdf_oh_get_key(qpdf, tree, "/ParentTree")
        guard qpdf_oh_is_dictionary(qpdf, parents) != 0 else { return }
        let nums = qpdf_oh_get_key(qpdf, parents, "/Nums")
        guard qpdf_oh_is_array(qpdf, nums) != 0 else { return }
        for i in 0..<qpdf_oh_get_array_n_items(qpdf, nums) {
            let entry = qpdf_oh_get_array_item(qpdf, nums, i)
            guard qpdf_oh_is_array(qpdf, entry) != 0 else { continue }
            for j in 0..<qpdf_oh_get_array_n_items(qpdf, entry) {
                let item = qpdf_oh_get_array_item(qpdf, entry, j)
                if removed.contains(qpdf_oh_get_object_id(qpdf, item)) {
                    qpdf_oh_set_array_item(qpdf, entry, j, qpdf_oh_new_null(qpdf))
                }
            }
        }
    }

    /// `bytes` with each line `/Span << /MCID n >> BDC` whose n is in `mcids` replaced by
    /// `/Artifact BMC`, in one pass (a page has an artifact per running head, folio and rule;
    /// a pass per MCID copied the whole content stream each time).
    static func markingArtifacts(_ mcids: Set<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let prefix = Array("/\(StructureTags.artifactStandIn) << /MCID ".utf8)
        let suffix = Array(" >> BDC".utf8)
        let replacement = Array("/Artifact BMC".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0
        var lineStart = 0
        let count = bytes.count
        while lineStart < count {
            var lineEnd = lineStart
            while lineEnd < count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            if lineEnd - lineStart > prefix.count + suffix.count,
                bytes[lineStart..<(lineStart + prefix.count)].elementsEqual(prefix),
                bytes[(lineEnd - suffix.count)..<lineEnd].elementsEqual(suffix)
            {
                var mcid = 0
                var digits = 0
                var valid = true
                for byte in bytes[(lineStart + prefix.count)..<(lineEnd - suffix.count)] {
                    guard byte >= 0x30, byte <= 0x39, digits < 9 else { valid = false; break }
                    mcid = mcid * 10 + Int(byte - 0x30)
                    digits += 1
                }
                if valid, digits > 0, mcids.contains(mcid) {
                    out += bytes[copied..<lineStart]
                    out += replacement
                    copied = lineEnd
                }
            }
            lineStart = lineEnd + 1
        }
        out += bytes[copied..<count]
        return out
    }

    /// `/Span << /MCID n >> BDC` → `/Artifact BMC` for the given MCIDs in the page's contents.
    private func rewriteContents(of page: qpdf_oh, mcids: Set<Int>) {
        rewriteStream(qpdf, qpdf_oh_get_key(qpdf, page, "/Contents")) { Self.markingArtifacts(mcids, in: $0) }
    }
}
