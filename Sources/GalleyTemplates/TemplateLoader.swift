// TOML template text → Template, checking every key and value, errors at line:column.

import GalleyCore
import GalleyLayout
import GalleyText
import TOMLKit

/// Reads template files (docs/templates.md). A template states only what differs from the
/// defaults (`Template()`): every key is optional.
public enum TemplateLoader {
    /// The keys each table may hold, and what their values must be.
    enum ValueKind: String {
        case string = "a string"
        case number = "a number"
        case integer = "a whole number"
        case boolean = "true or false"
        case length = "a length (a number of points, or a string such as \"12mm\")"
        case pageSize = "a page size name (A3, A4, A5, Letter, Tabloid, Berliner) or [width, height]"
        case margins = "a length or a list of 2 or 4 lengths [top, right, bottom, left]"
        case colors = "a list of colours such as [\"#1f4e79\", \"#c0392b\"]"
        case color = "a colour such as \"#1b1b1b\""
        case weight = "\"regular\" or \"bold\""
    }

    static let fontKeys: [String: ValueKind] = ["family": .string, "size": .number, "leading": .number, "weight": .weight]
    static let schema: [String: [String: ValueKind]] = [
        "": ["name": .string, "description": .string],
        "page": ["size": .pageSize, "margins": .margins, "columns": .integer, "gutter": .length],
        "fonts.body": fontKeys, "fonts.headline": fontKeys, "fonts.footnote": fontKeys, "fonts.caption": fontKeys,
        "fonts.label": fontKeys, "fonts.folio": fontKeys,
        "paragraph": ["indent": .number, "spacing": .length, "headline_space": .length, "panel_spacing": .length],
        "typography": [
            "justify": .boolean, "hyphenate": .boolean, "normalize": .boolean, "minimum_lines": .integer,
            "short_word_break_cost": .number,
            "number_break_cost": .number,
        ],
        "colors": ["text": .color, "rule": .color, "palette": .colors],
        "microtype": ["protrusion": .boolean, "tracking": .number, "tracking_shrink": .number],
        "microtype.expansion": ["stretch": .number, "shrink": .number, "step": .number, "jump": .number],
        "microtype.left": [:], "microtype.right": [:],
        "header": ["text": .string],
        "footer": ["text": .string],
        "labels.ru": [:], "labels.en": [:],
    ]
    static let tables: Set<String> = [
        "page", "fonts", "paragraph", "typography", "colors", "header", "footer", "labels", "microtype",
    ]

    /// Parses `text` (the file at `path`, for messages) over the defaults.
    public static func load(_ text: String, path: String) throws(TemplateError) -> Template {
        let locator = KeyLocator(text)
        func fail(_ key: String, _ message: String) -> TemplateError {
            let at = locator.location(of: key)
            return TemplateError(path: path, line: at.line, column: at.column, message: message)
        }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw TemplateError(
                path: path, line: error.source.begin.line, column: error.source.begin.column,
                message: "not valid TOML: \(error.description)")
        } catch {
            throw TemplateError(path: path, line: 1, column: 1, message: "not valid TOML: \(error)")
        }
        var values: [String: TOMLValueConvertible] = [:]
        try collect(root, prefix: "", into: &values, fail: fail)

        var template = Template()
        template.name = values["name"]?.string ?? template.name
        template.description = values["description"]?.string ?? template.description
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            try apply(key, value, to: &template, fail: fail)
        }
        try validate(template, fail: fail)
        return template
    }

    /// Flattens tables into `table.key` paths, refusing unknown keys and wrong types.
    private static func collect(
        _ table: TOMLTable, prefix: String, into values: inout [String: TOMLValueConvertible],
        fail: (String, String) -> TemplateError
    ) throws(TemplateError) {
        for key in table.keys.sorted() {
            guard let value = table[key] else { continue }
            let path = prefix.isEmpty ? key : prefix + "." + key
            if let nested = value.table {
                let known = schema[path] != nil || (prefix.isEmpty && tables.contains(key))
                guard known else { throw fail(path, "unknown table [\(path)]; known tables: \(knownTables)") }
                try collect(nested, prefix: path, into: &values, fail: fail)
                continue
            }
            if prefix.hasPrefix("labels.") {
                guard value.string != nil else { throw fail(path, "\(path) must be a string (the label for that kind)") }
                values[path] = value
                continue
            }
            if prefix == "microtype.left" || prefix == "microtype.right" {
                guard key.count == 1 else {
                    throw fail(path, "each key of [\(prefix)] is one character (such as \"«\" or \"T\"), not '\(key)'")
                }
                guard let n = number(value), n >= 0, n <= 1 else {
                    throw fail(path, "\(prefix).\(key) must be a fraction of the character's width from 0 to 1")
                }
                values[path] = value
                continue
            }
            guard let keys = schema[prefix] else { throw fail(path, "unknown table [\(prefix)]; known tables: \(knownTables)") }
            guard let kind = keys[key] else {
                let known = keys.keys.sorted().joined(separator: ", ")
                throw fail(path, "unknown key '\(key)'\(prefix.isEmpty ? "" : " in [\(prefix)]"); known keys: \(known)")
            }
            guard matches(value, kind) else {
                throw fail(path, "\(path) must be \(kind.rawValue), not \(describe(value))")
            }
            values[path] = value
        }
    }

    private static var knownTables: String {
        schema.keys.filter { !$0.isEmpty }.sorted().map { "[\($0)]" }.joined(separator: ", ")
    }

    private static func describe(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .string: "the string \"\(value.string ?? "")\""
        case .int: "the integer \(value.int ?? 0)"
        case .double: "the number \(value.double ?? 0)"
        case .bool: "\(value.bool ?? false)"
        case .array: "a list"
        case .table: "a table"
        default: "a date or time"
        }
    }

    private static func number(_ value: TOMLValueConvertible) -> Double? {
        value.double ?? value.int.map(Double.init)
    }

    private static func matches(_ value: TOMLValueConvertible, _ kind: ValueKind) -> Bool {
        switch kind {
        case .string: value.string != nil
        case .number: number(value) != nil
        case .integer: value.int != nil
        case .boolean: value.bool != nil
        case .length: Units.length(value) != nil
        case .pageSize: Units.pageSize(value) != nil
        case .margins: Units.margins(value) != nil
        case .color: value.string.flatMap(Color.init(hex:)) != nil
        case .colors: value.array.map { a in a.allSatisfy { $0.string.flatMap(Color.init(hex:)) != nil } } ?? false
        case .weight: value.string == "regular" || value.string == "bold"
        }
    }

    private static func apply(
        _ key: String, _ value: TOMLValueConvertible, to t: inout Template, fail: (String, String) -> TemplateError
    ) throws(TemplateError) {
        let parts = key.split(separator: ".").map(String.init)
        switch parts.first {
        case "page":
            switch parts[1] {
            case "size": t.page.size = Units.pageSize(value)!
            case "margins": t.page.margins = Units.margins(value)!
            case "columns":
                guard let n = value.int, (1...12).contains(n) else { throw fail(key, "page.columns must be from 1 to 12") }
                t.page.columns = n
            default: t.page.gutter = Units.length(value)!
            }
        case "fonts":
            func update(_ spec: inout TextSpec) {
                switch parts[2] {
                case "family": spec.family = value.string!
                case "size": spec.size = number(value)!
                case "leading": spec.leading = number(value)!
                default: spec.weight = value.string == "bold" ? .bold : .regular
                }
            }
            if parts[2] == "size" || parts[2] == "leading", let n = number(value), !(n > 1 && n < 500) {
                throw fail(key, "\(key) must be between 1 and 500 points")
            }
            switch parts[1] {
            case "body": update(&t.body)
            case "headline": update(&t.headline)
            case "footnote": update(&t.footnote)
            case "caption": update(&t.caption)
            case "label": update(&t.label)
            default: update(&t.folio)
            }
        case "paragraph":
            switch parts[1] {
            case "indent": t.paragraphIndent = number(value)!
            case "spacing": t.paragraphSpacing = Units.length(value)!
            case "headline_space": t.headlineSpaceAfter = Units.length(value)!
            default: t.panelSpacing = Units.length(value)!
            }
        case "typography":
            switch parts[1] {
            case "justify": t.justify = value.bool!
            case "hyphenate": t.hyphenate = value.bool!
            case "normalize": t.typography = value.bool!
            case "short_word_break_cost":
                guard let n = number(value), n >= 0 else {
                    throw fail(key, "typography.short_word_break_cost must be 0 or more (inf: never)")
                }
                t.lineBreaking.shortWordBreakCost = n
            case "number_break_cost":
                guard let n = number(value), n >= 0 else {
                    throw fail(key, "typography.number_break_cost must be 0 or more (inf: never)")
                }
                t.lineBreaking.numberBreakCost = n
            default:
                guard let n = value.int, (1...5).contains(n) else { throw fail(key, "typography.minimum_lines must be from 1 to 5") }
                t.minimumLinesAtPageBreak = n
            }
        case "colors":
            switch parts[1] {
            case "text": t.textColor = Color(hex: value.string!)!
            case "rule": t.ruleColor = Color(hex: value.string!)!
            default: t.palette = value.array!.compactMap { $0.string.flatMap(Color.init(hex:)) }
            }
        case "microtype":
            if parts[1] == "protrusion" {
                t.microtype.protrusion = value.bool!
            } else if parts[1] == "tracking" {
                guard let n = number(value), (0...0.05).contains(n) else {
                    throw fail(key, "microtype.tracking must be from 0 to 0.05 (ems per letter)")
                }
                t.microtype.tracking = n
            } else if parts[1] == "tracking_shrink" {
                guard let n = number(value), (0...0.05).contains(n) else {
                    throw fail(key, "microtype.tracking_shrink must be from 0 to 0.05 (ems per letter)")
                }
                t.microtype.trackingShrink = n
            } else if parts[1] == "left" || parts[1] == "right" {
                // The key is everything after "microtype.left." (the character may be a dot).
                let character = Character(String(key.dropFirst("microtype.".count + parts[1].count + 1)))
                if parts[1] == "left" {
                    t.microtype.leftProtrusion[character] = number(value)!
                } else {
                    t.microtype.rightProtrusion[character] = number(value)!
                }
            } else {
                guard let n = number(value), n >= 0, n <= 0.1 else {
                    throw fail(key, "\(key) must be a fraction from 0 to 0.1 (0.02 is 2%)")
                }
                switch parts[2] {
                case "stretch": t.microtype.expansionStretch = n
                case "shrink": t.microtype.expansionShrink = n
                case "jump": t.microtype.expansionJump = n
                default:
                    guard n > 0 else { throw fail(key, "microtype.expansion.step must be above 0") }
                    t.microtype.expansionStep = n
                }
            }
        case "header": t.header = value.string!
        case "footer": t.footer = value.string!
        case "labels": t.labels["\(parts[1]).\(parts[2])"] = value.string!
        default: break
        }
    }

    /// The largest page side and any other length a template may give, in points: PDF's
    /// practical limit (200 inches; Adobe's PDF Reference, appendix C, «Architectural limits»,
    /// from PDF 1.4 on), checked before anything is laid out or allocated.
    public static let maximumLength = 14_400.0
    /// The smallest page side PDF allows, in points (the same appendix).
    public static let minimumPageSide = 3.0

    /// Checks that the page can hold text: a size within PDF's limits, margins inside the
    /// page, a measure of ten characters, lengths no longer than the largest page.
    private static func validate(_ t: Template, fail: (String, String) -> TemplateError) throws(TemplateError) {
        let size = t.page.size
        for side in [size.width, size.height] where !(side >= minimumPageSide && side <= maximumLength) {
            throw fail(
                "page.size",
                "page.size \(Units.describe(size)) is outside PDF's limits: each side from \(Int(minimumPageSide)) to \(Int(maximumLength)) pt (200 in, 5080 mm)")
        }
        let lengths: [(String, Double)] = [
            ("page.gutter", t.page.gutter), ("paragraph.spacing", t.paragraphSpacing),
            ("paragraph.headline_space", t.headlineSpaceAfter), ("paragraph.panel_spacing", t.panelSpacing),
            ("page.margins", max(t.page.margins.top, t.page.margins.right, t.page.margins.bottom, t.page.margins.left)),
        ]
        for (key, length) in lengths where !(length <= maximumLength) {
            throw fail(key, "\(key) is \(length) pt, over the limit of \(Int(maximumLength)) pt (the largest page side PDF allows)")
        }
        let m = t.page.margins
        if m.left + m.right >= t.page.size.width || m.top + m.bottom >= t.page.size.height {
            throw fail("page.margins", "the margins (\(Units.describe(m))) leave no room on a \(Units.describe(t.page.size)) page")
        }
        // Ten characters of the body face, at about half an em each.
        let minimum = 10 * 0.5 * t.body.size
        if t.measure < minimum {
            throw fail(
                "page.columns",
                "the column measure is \(Int(t.measure)) pt, narrower than ten characters (\(Int(minimum)) pt); use fewer columns, narrower gutters or margins, or smaller type")
        }
    }
}
