// The built-in templates: the TOML files of Builtin/, compiled into the binary by SwiftPM.

/// The built-in templates' TOML text, by name: galley works from any folder, and no resource
/// bundle can go missing. A new template: its file in `Builtin/`, its `.embedInCode` line in
/// Package.swift and its line here (a test checks the three agree).
enum BuiltinTemplates {
    static let files: [String: String] = [
        "broadsheet": String(decoding: PackageResources.broadsheet_toml, as: UTF8.self),
        "default": String(decoding: PackageResources.default_toml, as: UTF8.self),
        "newspaper": String(decoding: PackageResources.newspaper_toml, as: UTF8.self),
        "screen": String(decoding: PackageResources.screen_toml, as: UTF8.self),
    ]
}
