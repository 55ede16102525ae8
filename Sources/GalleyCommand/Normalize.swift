// `galley normalize`: print the article's markup after parsing and typographic normalization.

import ArgumentParser
import Foundation
import Galley
import GalleyCore
import GalleyMarkup
import GalleyTypography

struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print an article's markup after repairs and typographic normalization.",
        discussion: """
            Shows what galley will set: the headline, a blank line, one paragraph per block \
            separated by blank lines, directives untouched on lines of their own, and footnotes \
            at the end. Quotes become «ёлочки» and „лапки“ (or “ ” in English), spaced hyphens \
            become dashes with a no-break space before them, and no-break spaces (shown as \
            U+00A0) glue short words, initials and numbers to their neighbours.
            """)

    @Argument(help: ArgumentHelp("The article file, or - for standard input.", valueName: "input"))
    var input: String

    @OptionGroup var shared: SharedOptions

    func run() throws {
        do {
            let bytes = try InputReader.read(input, limit: shared.maxInput)
            let options = shared.convertOptions
            let decoded = try InputDecoder.decode(bytes, encoding: options.encoding)
            var parseOptions = ParseOptions()
            parseOptions.keepArtefacts = options.keepArtefacts
            parseOptions.language = options.language
            let parsed = MarkupParser(options: parseOptions).parse(decoded.text)
            let source = SourceFile(path: input == "-" ? "<stdin>" : input, text: decoded.text)
            DiagnosticPrinter(style: shared.diagnostics).print(decoded.diagnostics + parsed.diagnostics, in: source)
            let document = options.typography ? parsed.document.normalized(language: options.language) : parsed.document
            FileHandle.standardOutput.write(Data(MarkupPrinter().print(document).utf8))
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data((failure.message + "\n").utf8))
            throw ExitCode(failure.status)
        } catch {
            FileHandle.standardError.write(Data("\(input): error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
