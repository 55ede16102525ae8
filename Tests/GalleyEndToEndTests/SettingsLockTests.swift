// Two batches with different settings never write one folder at once; shards of one job do.

import Foundation
import Galley
import Testing

@Suite("batch: one folder, one set of settings at a time")
struct SettingsLockTests {
    @Test func otherSettingsStopWhileSameSettingsShare() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try "Заголовок\n\nТекст статьи.\n".write(to: input.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        do {
            let held = try SettingsLock(folder: out.path, fingerprint: "aaaa")
            // A shard of the same job shares the folder; other settings do not.
            let shard = try SettingsLock(folder: out.path, fingerprint: "aaaa")
            #expect(throws: GalleyError.self) { try SettingsLock(folder: out.path, fingerprint: "bbbb") }
            // A real batch (its settings are not the test's) stops, says why, writes nothing.
            let refused = try galley(["batch", input.path, "-o", out.path])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("another galley batch with different settings"), "\(refused.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("a.pdf").path))
            withExtendedLifetime((held, shard)) {}
        }
        // Once the other run has ended, the folder is free.
        let later = try galley(["batch", input.path, "-o", out.path])
        #expect(later.status == 0, "\(later.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("a.pdf").path))
    }
}
