// `galley templates`: list the templates galley can see, or print one in full.

import ArgumentParser
import Foundation
import GalleyTemplates

struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the templates galley can see, or show one with every default filled in.",
        discussion: """
            Templates are TOML files (docs/templates.md). galley looks for a name in ./templates/NAME.toml \
            first, then among its built-in templates; --template also takes a path to a .toml file.
            """,
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List templates: name, where it comes from, what it is.")

        func run() throws {
            let found = TemplateCatalog().list()
            let width = found.map(\.template.name.count).max() ?? 8
            for t in found {
                let name = t.template.name.padding(toLength: width, withPad: " ", startingAt: 0)
                let origin = t.origin.description.padding(toLength: 24, withPad: " ", startingAt: 0)
                print("\(name)  \(origin)  \(t.template.description)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a template as TOML with every key, defaults included.")

        @Argument(help: ArgumentHelp("A template name or a path to a .toml file.", valueName: "name|path"))
        var name: String

        func run() throws {
            do {
                print(TemplatePrinter.print(try TemplateCatalog().find(name).template), terminator: "")
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                throw ExitCode(2)
            }
        }
    }
}
