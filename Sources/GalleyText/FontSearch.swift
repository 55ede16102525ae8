// Where shaping looks for fonts: the template's families first, every installed face after.

internal import CPangoCairo
import GalleyCore

/// Two fontconfig searches for one shaper: a narrow one over the faces of the template's
/// families, and the system's whole configuration.
///
/// Pango asks fontconfig to sort every installed face (410 here, most of them Noto) for each
/// family list, weight, size and language it meets; on a one-article convert those sorts were
/// a third of the process. The narrow configuration has the system's rules (the same files are
/// read: hinting, aliases, synthetic styles) but only the faces in the directories that hold
/// the template's families, so its sorts are short. It cannot change what a page looks like:
/// `TextShaper` keeps a narrow result only when every glyph is drawn by a face of a family the
/// style lists (which fontconfig ranks before every other face in either configuration), and
/// shapes text again with the whole configuration when a character needs any other face.
final class FontSearch {
    /// The system's configuration: every installed face.
    let full: UnsafeMutablePointer<PangoFontMap>
    /// Only the faces in the directories of the preferred families; nil when none is installed.
    let narrow: UnsafeMutablePointer<PangoFontMap>?
    /// The preferred families that are installed (lower case): a style whose first family is
    /// one of them is shaped in `narrow` first.
    let narrowFamilies: Set<String>

    /// Call under `FontSystemLock` (fontconfig's first load is global).
    init(preferredFamilies: [String]) {
        full = pango_cairo_font_map_new()!
        var found = Set<String>()
        var directories: [String] = []
        if !preferredFamilies.isEmpty, let system = FcConfigGetCurrent() {
            let fileProperty = FcObjectSetCreate()!
            FcObjectSetAdd(fileProperty, FC_FILE)
            defer { FcObjectSetDestroy(fileProperty) }
            for family in preferredFamilies {
                let pattern = FcPatternCreate()!
                defer { FcPatternDestroy(pattern) }
                _ = family.withCString { name in
                    name.withMemoryRebound(to: FcChar8.self, capacity: family.utf8.count + 1) {
                        FcPatternAddString(pattern, FC_FAMILY, $0)
                    }
                }
                guard let faces = FcFontList(system, pattern, fileProperty) else { continue }
                defer { FcFontSetDestroy(faces) }
                for i in 0..<Int(faces.pointee.nfont) {
                    var file: UnsafeMutablePointer<FcChar8>?
                    guard let face = faces.pointee.fonts[i], FcPatternGetString(face, FC_FILE, 0, &file) == FcResultMatch,
                        let file
                    else { continue }
                    found.insert(family.lowercased())
                    let path = String(cString: file)
                    let directory = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
                    if !directory.isEmpty, !directories.contains(directory) { directories.append(directory) }
                }
            }
        }
        narrowFamilies = found
        guard !directories.isEmpty, let config = FcInitLoadConfig() else {
            narrow = nil
            return
        }
        // The directories' fontconfig caches: no font file is opened here.
        for directory in directories {
            _ = directory.withCString { path in
                path.withMemoryRebound(to: FcChar8.self, capacity: directory.utf8.count + 1) {
                    FcConfigAppFontAddDir(config, $0)
                }
            }
        }
        narrow = galley_font_map_with_config(config)
        FcConfigDestroy(config)  // the font map holds its own reference
    }

    deinit {
        if let narrow { g_object_unref(UnsafeMutableRawPointer(narrow)) }
        g_object_unref(UnsafeMutableRawPointer(full))
    }

    /// The families of a fontconfig family list (`PT Serif, DejaVu Serif`), lower case.
    static func families(of list: String) -> [String] {
        TextStyle.families(of: list).map { $0.lowercased() }
    }

    /// Whether fontconfig has a family of this name (any case).
    func isInstalled(_ family: String) -> Bool {
        if narrowFamilies.contains(family.lowercased()) { return true }
        guard let system = FcConfigGetCurrent(), let pattern = FcPatternCreate() else { return false }
        defer { FcPatternDestroy(pattern) }
        _ = family.withCString { name in
            name.withMemoryRebound(to: FcChar8.self, capacity: family.utf8.count + 1) { FcPatternAddString(pattern, FC_FAMILY, $0) }
        }
        let properties = FcObjectSetCreate()!
        defer { FcObjectSetDestroy(properties) }
        FcObjectSetAdd(properties, FC_FAMILY)
        guard let faces = FcFontList(system, pattern, properties) else { return false }
        defer { FcFontSetDestroy(faces) }
        return faces.pointee.nfont > 0
    }

    /// The families of each family list met so far (a style's list is split once, not on
    /// every shaping).
    private var listed: [String: [String]] = [:]

    /// The families `style` lists, lower case.
    func families(of style: TextStyle) -> [String] {
        if let hit = listed[style.family] { return hit }
        let families = Self.families(of: style.family)
        listed[style.family] = families
        return families
    }

    /// Whether `style` is shaped in the narrow search first.
    func startsNarrow(_ style: TextStyle) -> Bool {
        narrow != nil && families(of: style).first.map(narrowFamilies.contains) == true
    }
}
