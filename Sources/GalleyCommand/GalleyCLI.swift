// The `galley` command: subcommands, and exit statuses mapped to galley's conventions.

import ArgumentParser
import Foundation

@main
struct GalleyCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "galley",
        abstract: "Typeset news-article markup into PDF, SVG and PNG pages.",
        discussion: """
            galley reads articles as news archives store them: a headline, then the body, with \
            media directives such as #{biginfographic=771531} or #<image=12 caption="…"> where \
            pictures once stood, and footnotes marked with *. It repairs the archive's lost \
            paragraph breaks, sets the text with Russian or English typographic custom, \
            hyphenation and Knuth–Plass line breaking, draws a placeholder panel for each \
            directive, and writes pages into output/.

            Examples:
              galley convert article.txt                 # → output/article.pdf
              galley convert article.txt --format svg    # → output/article-1.svg, …
              galley convert article.txt -o proof.pdf --format pdf,png --dpi 100
              cat article.txt | galley convert - -o - > article.pdf
              galley convert article.txt --template newspaper   # a three-column tabloid page
              galley convert article.txt --template broadsheet  # six columns of 12 picas
              galley batch archive/ dump.jsonl -o proofs/ --jobs 2   # many articles, resumable
              galley normalize article.txt               # the text after typographic normalization
              galley preview article.txt --serve         # live preview on http://127.0.0.1:8700/
              galley templates                           # the templates galley can see

            Exit status: 0 all rendered (warnings allowed), 1 an input could not be rendered \
            (or text would have been lost), 2 a usage, template or configuration error, 3 (batch) \
            the batch finished and some inputs failed, each named in its report.
            """,
        version: GalleyVersion.current,
        subcommands: [Convert.self, Batch.self, Preview.self, Normalize.self, Templates.self, Worker.self],
        defaultSubcommand: nil
    )

    /// Runs the command, mapping argument errors to exit status 2 (galley's convention for
    /// usage errors; swift-argument-parser would use 64).
    static func main() {
        // A write past the file-size limit (ulimit -f) must fail with EFBIG and be reported
        // like a full disk, not kill the process with SIGXFSZ (a batch would blame every input
        // and leave temporary files).
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            if code == .validationFailure { FileHandle.standardError.write(Data("(see galley --help)\n".utf8)) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

enum GalleyVersion {
    static let current = "0.2.0"
}
