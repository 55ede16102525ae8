// Runs the built galley binary and the readers (pdftotext, qpdf, pdfinfo) the tests check with.

import Foundation
import Testing

/// Paths the end-to-end tests use.
enum Paths {
    /// The package root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The galley binary `swift build` made (GALLEY_BIN overrides).
    static var galley: String {
        if let override = ProcessInfo.processInfo.environment["GALLEY_BIN"] { return override }
        for config in ["debug", "release"] {
            let path = root.appendingPathComponent(".build/\(config)/galley").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return root.appendingPathComponent(".build/debug/galley").path
    }
    static let samples = root.appendingPathComponent("samples")
    /// `../shared` beside the checkout: material that is not part of a user's clone.
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    static let seed = shared.appendingPathComponent("seeds/000_7b5fd0e551e9cfee.txt")
    static var hasShared: Bool { FileManager.default.fileExists(atPath: seed.path) }

    static func sampleFiles() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { samples.appendingPathComponent($0) }
    }

    /// A fresh temporary folder for one test.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("galley-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A temporary folder with an input tree of three articles: `in/` holds the samples and
/// `in/sub/copy.txt` a copy of `copy`, a sample's file name. The caller removes the folder.
func sampleArchive(copy: String) throws -> URL {
    let folder = try Paths.temporaryFolder()
    let input = folder.appendingPathComponent("in/sub")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    for sample in Paths.sampleFiles() {
        try FileManager.default.copyItem(at: sample, to: folder.appendingPathComponent("in/\(sample.lastPathComponent)"))
    }
    try FileManager.default.copyItem(at: Paths.samples.appendingPathComponent(copy), to: input.appendingPathComponent("copy.txt"))
    return folder
}

/// What a finished process printed, and its exit status.
struct ProcessOutput {
    var status: Int32
    var stdout: Data
    var stderr: String
    var text: String { String(decoding: stdout, as: UTF8.self) }
}

/// Runs `executable` with `arguments`, feeding `input` on standard input. Standard error goes
/// through a temporary file, so that only one pipe is read and neither can block the child.
func run(_ executable: String, _ arguments: [String], input: Data? = nil, environment: [String: String]? = nil) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
    process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
    if let environment { process.environment = environment }
    let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("galley-stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errURL) }
    let errHandle = try FileHandle(forWritingTo: errURL)
    let out = Pipe()
    process.standardOutput = out
    process.standardError = errHandle
    if let input {
        let inURL = FileManager.default.temporaryDirectory.appendingPathComponent("galley-stdin-\(UUID().uuidString)")
        try input.write(to: inURL)
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        defer { try? FileManager.default.removeItem(at: inURL) }
        try process.run()
    } else {
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try errHandle.close()
    let errData = (try? Data(contentsOf: errURL)) ?? Data()
    return ProcessOutput(status: process.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
}

/// Runs galley with `arguments`.
func galley(_ arguments: [String], input: Data? = nil, environment: [String: String]? = nil) throws -> ProcessOutput {
    try run(Paths.galley, arguments, input: input, environment: environment)
}

/// The text of a PDF as pdftotext reads it, in physical layout (top to bottom, line by line:
/// its reading-order heuristics may move a one-line paragraph above the lines before it),
/// UTF-8.
func pdfText(_ pdf: URL) throws -> String {
    let result = try run("pdftotext", ["-layout", "-enc", "UTF-8", pdf.path, "-"])
    #expect(result.status == 0, "pdftotext failed: \(result.stderr)")
    return result.text
}

/// The alt text of each Figure in a PDF, read from qpdf's JSON of its objects (a panel's
/// drawing is outlines, not text: its label, kind and id are in its Figure's /Alt).
func figureAltTexts(_ pdf: URL) throws -> [String] {
    let result = try run("qpdf", ["--json=2", "--json-key=qpdf", pdf.path])
    #expect(result.status == 0, "qpdf --json failed: \(result.stderr)")
    let pattern = try NSRegularExpression(pattern: #""/Alt": ("(?:[^"\\]|\\.)*")"#)
    let text = result.text
    return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
        guard let range = Range(match.range(at: 1), in: text),
            let value = try? JSONDecoder().decode(String.self, from: Data(text[range].utf8))
        else { return nil }
        return value.hasPrefix("u:") ? String(value.dropFirst(2)) : value
    }
}

/// The number of pages pdfinfo reports.
func pdfPageCount(_ pdf: URL) throws -> Int {
    let info = try run("pdfinfo", [pdf.path]).text
    for line in info.split(separator: "\n") where line.hasPrefix("Pages:") {
        return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? 0
    }
    return 0
}

/// Words for comparing input and output: letters and digits, lowercased, `ё` read as `е`.
/// A hyphen at a line end (hyphenation) joins the two halves; other hyphens and dashes
/// separate words (`из-за` → `из`, `за`), on both sides alike.
func comparableWords(_ text: String) -> [String] {
    // A word hyphenated at a line end joins up again; in layout mode the next line may start
    // with spaces (a line whose first character hangs into the margin shifts the columns).
    var cleaned = text.replacingOccurrences(of: #"-\n[ \t]*"#, with: "", options: .regularExpression)
        .replacingOccurrences(of: "\u{00AD}", with: "")
    cleaned = cleaned.lowercased().replacingOccurrences(of: "ё", with: "е")
    var words: [String] = []
    var current = ""
    for scalar in cleaned.unicodeScalars {
        if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            current.unicodeScalars.append(scalar)
        } else if !current.isEmpty {
            words.append(current)
            current = ""
        }
    }
    if !current.isEmpty { words.append(current) }
    return words
}

/// The first word of `expected` that `actual` does not contain in order, with its index;
/// nil when every word is there in order. A compound broken at its own hyphen at a line end
/// comes out joined (`воздушнокосмических`): an actual word equal to two expected words in a
/// row matches both.
func firstMissingWord(_ expected: [String], in actual: [String]) -> (index: Int, word: String)? {
    var position = actual.startIndex
    var index = 0
    while index < expected.count {
        let word = expected[index]
        let joined = index + 1 < expected.count ? word + expected[index + 1] : nil
        guard let found = actual[position...].firstIndex(where: { $0 == word || $0 == joined }) else {
            return (index, word)
        }
        index += actual[found] == word ? 1 : 2
        position = found + 1
    }
    return nil
}
