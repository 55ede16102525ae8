// docs/scale.md's Kubernetes, Slurm and GNU parallel examples, run as processes as written.

import Foundation
import Testing

@Suite("docs/scale.md examples")
struct ScaleDocTests {
    /// The fenced code blocks of docs/scale.md.
    func codeBlocks() throws -> [String] {
        let text = try String(contentsOf: Paths.root.appendingPathComponent("docs/scale.md"), encoding: .utf8)
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let lines = current { blocks.append(lines.joined(separator: "\n")) }
                current = current == nil ? [] : nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    /// The Job's container `args` (a folded `>-` scalar: its lines joined by spaces).
    func kubernetesArgs(_ yaml: String) throws -> String {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "- >-" })
        let indent = lines[start].prefix { $0 == " " }.count
        return lines[(start + 1)...].prefix { $0.prefix { $0 == " " }.count > indent }
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// An archive of 20 articles and one undecodable file, a `galley` on PATH, and the
    /// environment to run the examples in.
    func setting() throws -> (folder: URL, environment: [String: String]) {
        let folder = try Paths.temporaryFolder()
        let archive = folder.appendingPathComponent("archive")
        for k in 0..<20 {
            let text = "Статья \(k)\n\nГородской совет обсудил вопрос номер \(k). Депутаты приняли решение."
            let file = archive.appendingPathComponent("y\(k % 4)/a\(k).txt")
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF]).write(to: archive.appendingPathComponent("broken.txt"))
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent("galley").path, withDestinationPath: Paths.galley)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        return (folder, environment)
    }

    /// Runs `command` with `sh` once per shard (`variable` = index), four at a time.
    func runShards(_ shell: String, _ command: String, variable: String, indices: [Int], environment: [String: String]) throws -> [Int32] {
        var statuses: [Int32] = []
        for group in stride(from: 0, to: indices.count, by: 4) {
            let processes = try indices[group..<min(group + 4, indices.count)].map { index -> Process in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: shell)
                process.arguments = ["-c", command]
                var env = environment
                env[variable] = String(index)
                env["SLURM_CPUS_PER_TASK"] = "1"
                process.environment = env
                process.standardError = FileHandle.nullDevice
                process.standardOutput = FileHandle.nullDevice
                try process.run()
                return process
            }
            for process in processes {
                process.waitUntilExit()
                statuses.append(process.terminationStatus)
            }
        }
        return statuses
    }

    /// Every shard's report names its inputs once, their union is the archive, and an unsharded
    /// rerun renders nothing.
    func checkReports(_ reports: URL, count: Int, proofs: URL, archive: URL) throws {
        var keys: [String] = []
        for k in 1...count {
            let report = try JSONSerialization.jsonObject(with: Data(contentsOf: reports.appendingPathComponent("report-\(k).json"))) as? [String: Any] ?? [:]
            #expect(report["shard"] as? String == "\(k)/\(count)", "report-\(k).json is shard \(k)")
            keys += (report["results"] as? [[String: Any]] ?? []).map { $0["key"] as? String ?? "" }
        }
        #expect(keys.count == 21 && Set(keys).count == 21, "every input in exactly one report: \(keys.count)")
        let rerun = try galley(["batch", archive.path, "-o", proofs.path])
        #expect(rerun.stderr.contains("21 inputs, 1 to render, 20 up to date"), "only the broken file again: \(rerun.stderr)")
        #expect(rerun.status == 3)
    }

    @Test("the Kubernetes Indexed Job's args, with JOB_COMPLETION_INDEX 0…15")
    func kubernetes() throws {
        let yaml = try #require(try codeBlocks().first { $0.contains("kind: Job") })
        let (folder, environment) = try setting()
        defer { try? FileManager.default.removeItem(at: folder) }
        let args = try kubernetesArgs(yaml)
        #expect(args.contains("$((JOB_COMPLETION_INDEX + 1))"))
        let command = args.replacingOccurrences(of: "/archive", with: folder.path + "/archive")
            .replacingOccurrences(of: "/proofs", with: folder.path + "/proofs")
        let statuses = try runShards("/bin/sh", command, variable: "JOB_COMPLETION_INDEX", indices: Array(0..<16), environment: environment)
        #expect(statuses.allSatisfy { $0 == 0 }, "a shard with a bad input completes (3 → 0): \(statuses)")
        try checkReports(folder.appendingPathComponent("proofs/reports"), count: 16, proofs: folder.appendingPathComponent("proofs"), archive: folder.appendingPathComponent("archive"))
    }

    @Test("the Slurm array script, with SLURM_ARRAY_TASK_ID 1…16")
    func slurm() throws {
        let script = try #require(try codeBlocks().first { $0.contains("#SBATCH") })
        let (folder, environment) = try setting()
        defer { try? FileManager.default.removeItem(at: folder) }
        let command = script.replacingOccurrences(of: "/archive", with: folder.path + "/archive")
            .replacingOccurrences(of: "/proofs", with: folder.path + "/proofs")
        let statuses = try runShards("/bin/bash", command, variable: "SLURM_ARRAY_TASK_ID", indices: Array(1...16), environment: environment)
        #expect(statuses.allSatisfy { $0 == 0 }, "\(statuses)")
        try checkReports(folder.appendingPathComponent("proofs/reports"), count: 16, proofs: folder.appendingPathComponent("proofs"), archive: folder.appendingPathComponent("archive"))
    }

    @Test("the GNU parallel line, on this machine (-S :)")
    func gnuParallel() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/parallel") else {
            print("skipped: GNU parallel is not installed (scripts/setup.sh installs it)")
            return
        }
        let block = try #require(try codeBlocks().first { $0.contains("| parallel") })
        let (folder, environment) = try setting()
        defer { try? FileManager.default.removeItem(at: folder) }
        let command = block.replacingOccurrences(of: "-S host1,host2,host3,host4", with: "-S :")
            .replacingOccurrences(of: "/shared/archive", with: folder.path + "/archive")
            .replacingOccurrences(of: "/shared/proofs", with: folder.path + "/proofs")
        #expect(command.contains("-S :"))
        var env = environment
        env["HOME"] = folder.path  // parallel keeps its state under ~/.parallel
        let result = try run("/bin/sh", ["-c", command], environment: env)
        #expect(result.status == 0, "\(result.stderr)")
        try checkReports(folder.appendingPathComponent("proofs/reports"), count: 8, proofs: folder.appendingPathComponent("proofs"), archive: folder.appendingPathComponent("archive"))
    }
}
