// `galley worker`: the process `galley batch` runs articles in (one JSON request per line).

import ArgumentParser
import Foundation
import Galley

/// Reads `WorkerRequest`s from standard input, one JSON object per line, renders each and
/// answers a `WorkerResponse` line on standard output. It keeps its fonts, hyphenation
/// dictionaries and template loaded between articles. Started by `galley batch`; not meant
/// to be run by hand.
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render articles sent by galley batch (internal).", shouldDisplay: false)

    @OptionGroup var shared: SharedOptions

    func run() throws {
        let renderer = JobRenderer(typesetter: try shared.makeTypesetter(), options: shared.convertOptions)
        let encoder = WorkerCoding.encoder()
        let decoder = WorkerCoding.decoder()
        while let line = readLine(strippingNewline: true) {
            guard !line.isEmpty else { continue }
            let response: WorkerResponse
            if let request = try? decoder.decode(WorkerRequest.self, from: Data(line.utf8)) {
                response = renderer.render(request)
            } else {
                response = .failure("", "the worker could not read its request")
            }
            // Every request gets an answer the parent can read, with its key.
            var data =
                (try? encoder.encode(response))
                ?? (try? encoder.encode(WorkerResponse.failure(response.key, "the worker could not encode its answer")))
                ?? Data("{}".utf8)
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        }
    }
}
