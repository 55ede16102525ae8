// Prints diagnostics as `path:line:col: severity: message`, or as JSON lines for programs.

import Foundation
import GalleyCore

/// Writes diagnostics to standard error.
struct DiagnosticPrinter {
    var style: DiagnosticsStyle
    /// Whether to show the offending line with a caret (only on a terminal).
    var showsSourceLine = isatty(STDERR_FILENO) != 0

    func print(_ diagnostics: [Diagnostic], in file: SourceFile) {
        var out = ""
        for diagnostic in diagnostics {
            switch style {
            case .human:
                out += diagnostic.formatted(in: file) + "\n"
                if showsSourceLine, let span = diagnostic.span {
                    let location = file.location(of: span.start)
                    let line = String(file.line(location.line).prefix(200))
                    if location.column <= 200 {
                        out += "    " + line + "\n"
                        out += "    " + String(repeating: " ", count: location.column - 1) + "^\n"
                    }
                }
            case .json:
                out += json(diagnostic, in: file) + "\n"
            }
        }
        FileHandle.standardError.write(Data(out.utf8))
    }

    private func json(_ diagnostic: Diagnostic, in file: SourceFile) -> String {
        var object: [String: Any] = [
            "path": file.path, "severity": diagnostic.severity.rawValue, "code": diagnostic.code,
            "message": diagnostic.message,
        ]
        if let span = diagnostic.span {
            let location = file.location(of: span.start)
            object["line"] = location.line
            object["column"] = location.column
            object["start"] = span.start
            object["end"] = span.end
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
