// Which templates galley can see: built into the binary, in ./templates, or a path.

import Foundation
import GalleyLayout

/// A template found by name or path, with where it came from.
public struct FoundTemplate: Sendable {
    public enum Origin: Sendable, Hashable, CustomStringConvertible {
        case builtIn
        case folder(String)
        case file(String)
        public var description: String {
            switch self {
            case .builtIn: "built-in"
            case .folder(let path): path
            case .file(let path): path
            }
        }
    }
    public var template: Template
    public var origin: Origin
}

/// Finds templates: a path (`x.toml`, `./a/b.toml`) is read as is; a name is looked up in
/// `./templates/NAME.toml` first (a project's own templates override the built-in ones by
/// name), then among the templates built into galley (`Sources/GalleyTemplates/Builtin/`,
/// which `templates/` of galley's repository links to, embedded by SwiftPM).
public struct TemplateCatalog: Sendable {
    /// The project folder of templates (default: `templates` under the current folder).
    public var folder: String

    public init(folder: String = "templates") {
        self.folder = folder
    }


    public func find(_ nameOrPath: String) throws(TemplateError) -> FoundTemplate {
        let looksLikePath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml")
        if looksLikePath {
            return FoundTemplate(template: try load(nameOrPath), origin: .file(nameOrPath))
        }
        let local = (folder as NSString).appendingPathComponent("\(nameOrPath).toml")
        if FileManager.default.fileExists(atPath: local) {
            return FoundTemplate(template: try load(local), origin: .folder(local))
        }
        if let text = BuiltinTemplates.files[nameOrPath] {
            let template = try TemplateLoader.load(text, path: "(built-in) \(nameOrPath).toml")
            return FoundTemplate(template: template, origin: .builtIn)
        }
        let known = list().map(\.template.name).joined(separator: ", ")
        throw TemplateError(path: nameOrPath, line: 1, column: 1, message: "no template named '\(nameOrPath)'; known: \(known)")
    }

    /// Every template galley can see by name, the project's own first; unreadable ones are skipped.
    public func list() -> [FoundTemplate] {
        var found: [FoundTemplate] = []
        var names = Set<String>()
        let local = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".toml") }.sorted()
        for file in local {
            let path = (folder as NSString).appendingPathComponent(file)
            if let template = try? load(path) {
                found.append(FoundTemplate(template: template, origin: .folder(path)))
                names.insert(String(file.dropLast(5)))
            }
        }
        for (name, text) in BuiltinTemplates.files.sorted(by: { $0.key < $1.key }) where !names.contains(name) {
            if let template = try? TemplateLoader.load(text, path: name) {
                found.append(FoundTemplate(template: template, origin: .builtIn))
            }
        }
        return found
    }

    private func load(_ path: String) throws(TemplateError) -> Template {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TemplateError(path: path, line: 1, column: 1, message: "cannot read the template file")
        }
        return try TemplateLoader.load(String(decoding: data, as: UTF8.self), path: path)
    }
}
