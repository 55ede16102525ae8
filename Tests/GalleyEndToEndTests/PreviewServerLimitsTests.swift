// The preview server against a hostile page and a flood: Host check, size limits, no busy loop.

import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("preview server limits")
struct PreviewServerLimitsTests {
    /// The processor time (user + system) a process has used, in seconds, from /proc.
    func cpuSeconds(_ pid: Int32) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // Fields 14 and 15 of the file (utime, stime) are 12 and 13 after the name.
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func request(_ port: Int, _ head: String, within seconds: Double = 10) throws -> String {
        let connection = try LoopbackConnection(port: port)
        connection.sendUntilClosed(Array(head.utf8))
        return connection.receiveAll(within: seconds)
    }

    @Test("refuses Host: evil.example, answers its own address; 1 MiB headers get 431 and cost no busy loop; a body too large gets 413")
    func limits() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Paths.samples.appendingPathComponent("en-harbour-ferries.txt"), to: folder.appendingPathComponent("a.txt"))
        let server = try PreviewServer(["preview", "a.txt", "--serve", "--port", "0", "-o", "out"], in: folder)
        defer { server.stop() }
        let port = server.port

        // DNS rebinding: a page's own name pointed at 127.0.0.1 arrives as its Host.
        #expect(try request(port, "GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n").hasPrefix("HTTP/1.1 403"))
        #expect(try request(port, "GET / HTTP/1.1\r\nHost: evil.example:\(port)\r\nConnection: close\r\n\r\n").hasPrefix("HTTP/1.1 403"))
        #expect(try request(port, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n").hasPrefix("HTTP/1.1 403"), "no Host at all")
        #expect(try request(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1:1\r\nConnection: close\r\n\r\n").hasPrefix("HTTP/1.1 403"), "another port")
        #expect(try request(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n").hasPrefix("HTTP/1.1 200"))
        #expect(try request(port, "GET / HTTP/1.1\r\nHost: localhost:\(port)\r\nConnection: close\r\n\r\n").hasPrefix("HTTP/1.1 200"))

        // The review's flood: two requests at once, each with a 1 MiB header (loopback only,
        // two connections, bounded by 10 s each).
        let before = cpuSeconds(server.process.processIdentifier)
        let started = Date()
        let big = "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nX-Flood: " + String(repeating: "a", count: 1 << 20) + "\r\n\r\n"
        final class Answers: @unchecked Sendable {
            let lock = NSLock()
            var values = ["", ""]
        }
        let box = Answers()
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            let answer = (try? request(port, big)) ?? ""
            box.lock.withLock { box.values[k] = answer }
        }
        let answers = box.values
        #expect(answers.allSatisfy { $0.hasPrefix("HTTP/1.1 431") }, "\(answers.map { $0.prefix(40) })")
        let home = try httpGet(port: port, "/", seconds: 5)
        #expect(home.status == 200, "still answers after the flood")
        let elapsed = Date().timeIntervalSince(started)
        let used = cpuSeconds(server.process.processIdentifier) - before
        #expect(elapsed < 10 && used < 1.0, "the flood took \(elapsed) s and \(used) s of processor time")
        // Nothing keeps spinning afterwards.
        let idle = cpuSeconds(server.process.processIdentifier)
        Thread.sleep(forTimeInterval: 1)
        #expect(cpuSeconds(server.process.processIdentifier) - idle < 0.2)

        #expect(try request(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: 10000000\r\n\r\n").hasPrefix("HTTP/1.1 413"))
        #expect(try request(port, "POST / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello").hasPrefix("HTTP/1.1 405"))
        // A client that stops half-way holds only its own connection.
        let stalled = try LoopbackConnection(port: port)
        stalled.sendUntilClosed(Array("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nX-Slow: ".utf8))
        #expect(try httpGet(port: port, "/", seconds: 5).status == 200)
        #expect(stalled.receiveAll(within: 15).hasPrefix("HTTP/1.1 408"), "cut off at the head's deadline")
    }
}

@Suite("preview server address")
struct PreviewServerAddressTests {
    /// The listening TCP sockets of this machine as (IPv4 address in /proc's hex, port).
    static func listening() throws -> [(address: String, port: Int)] {
        let table = try String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)
        return table.split(separator: "\n").dropFirst().compactMap { row in
            let fields = row.split(separator: " ")
            guard fields.count > 3, fields[3] == "0A" else { return nil }  // 0A: LISTEN
            let local = fields[1].split(separator: ":")
            guard local.count == 2, let port = Int(local[1], radix: 16) else { return nil }
            return (String(local[0]), port)
        }
    }

    /// A port nobody listens on now.
    static func freePort() -> Int {
        let taken = Set(((try? listening()) ?? []).map(\.port))
        return (18_700..<18_800).first { !taken.contains($0) } ?? 18_799
    }

    @Test("--serve listens on 127.0.0.1 at the port asked for, not on every interface")
    func loopbackOnly() throws {
        guard FileManager.default.fileExists(atPath: "/proc/net/tcp") else {
            print("skipped: no /proc/net/tcp to read the listening sockets from")
            return
        }
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Paths.samples.appendingPathComponent("en-harbour-ferries.txt"), to: folder.appendingPathComponent("a.txt"))
        let wanted = Self.freePort()
        let server = try PreviewServer(["preview", "a.txt", "--serve", "--port", String(wanted), "-o", "out"], in: folder)
        defer { server.stop() }
        #expect(server.port == wanted, "it says it serves on \(server.port)")
        let mine = try Self.listening().filter { $0.port == wanted }
        #expect(!mine.isEmpty, "nothing listens on \(wanted)")
        // 127.0.0.1 in /proc's little-endian hex; 00000000 would be every interface.
        #expect(mine.allSatisfy { $0.address == "0100007F" }, "listens on \(mine.map(\.address))")
    }
}
