// How `galley batch` starts its workers: this executable, with the shared options it was given.

import Foundation

extension Batch {
    /// This executable, to start workers with.
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// The shared options to hand on to the workers, as given on this command line.
    static func workerArguments() -> [String] {
        var arguments: [String] = []
        var pass = false
        let shared: Set<String> = [
            "--template", "--assets", "--lang", "--encoding", "--max-input", "--max-pages", "--diagnostics",
            "--pdf-standard",
        ]
        let flags: Set<String> = ["--no-typography", "--no-microtype", "--keep-artefacts"]
        for argument in CommandLine.arguments.dropFirst(2) {
            if pass {
                arguments.append(argument)
                pass = false
            } else if flags.contains(argument) {
                arguments.append(argument)
            } else if let name = argument.split(separator: "=").first.map(String.init), shared.contains(name) {
                arguments.append(argument)
                pass = !argument.contains("=")
            }
        }
        return arguments
    }
}
