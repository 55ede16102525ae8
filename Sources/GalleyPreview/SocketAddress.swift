// IPv4 and IPv6 socket addresses from the literals `--host` takes.

import Foundation

/// A listening address: an IPv4 or IPv6 literal, or `localhost` (127.0.0.1).
struct SocketAddress {
    let family: Int32
    private var storage = sockaddr_storage()
    private let length: socklen_t

    init(host: String, port: Int) throws {
        guard (0...65535).contains(port) else { throw LivePreview.Failure(description: "galley: error: --port must be 0…65535") }
        let literal = host == "localhost" ? "127.0.0.1" : host
        var v4 = sockaddr_in()
        var v6 = sockaddr_in6()
        if inet_pton(AF_INET, literal, &v4.sin_addr) == 1 {
            family = AF_INET
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = in_port_t(UInt16(port).bigEndian)
            length = socklen_t(MemoryLayout<sockaddr_in>.size)
            storage = Self.storage(holding: v4)
        } else if inet_pton(AF_INET6, literal, &v6.sin6_addr) == 1 {
            family = AF_INET6
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = in_port_t(UInt16(port).bigEndian)
            length = socklen_t(MemoryLayout<sockaddr_in6>.size)
            storage = Self.storage(holding: v6)
        } else {
            throw LivePreview.Failure(description: "galley: error: --host takes an IPv4 or IPv6 address (or localhost), not '\(host)'")
        }
    }

    /// `address`'s bytes at the start of a `sockaddr_storage`. (The bytes are copied inside
    /// the closure that lends them: a pointer taken out of it is dangling, and the zeros it
    /// then read made the server listen on every interface, at any port.)
    private static func storage<Address>(holding address: Address) -> sockaddr_storage {
        var storage = sockaddr_storage()
        withUnsafeMutableBytes(of: &storage) { destination in
            withUnsafeBytes(of: address) { destination.copyMemory(from: $0) }
        }
        return storage
    }

    func withPointer<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        withUnsafeBytes(of: storage) { body($0.baseAddress!.assumingMemoryBound(to: sockaddr.self), length) }
    }

    /// The port a bound socket listens on.
    static func boundPort(of socket: Int32) -> Int? {
        var bound = sockaddr_storage()
        var size = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let ok = withUnsafeMutableBytes(of: &bound) {
            getsockname(socket, $0.baseAddress!.assumingMemoryBound(to: sockaddr.self), &size) == 0
        }
        guard ok else { return nil }
        return withUnsafeBytes(of: bound) { raw -> Int? in
            switch Int32(raw.load(as: sockaddr.self).sa_family) {
            case AF_INET: Int(UInt16(bigEndian: raw.load(as: sockaddr_in.self).sin_port))
            case AF_INET6: Int(UInt16(bigEndian: raw.load(as: sockaddr_in6.self).sin6_port))
            default: nil
            }
        }
    }
}
