// Which Host headers the preview server answers: its own address and localhost, nothing else.

import Foundation

/// Refuses requests whose `Host` names anything but the address the server listens on (or
/// `localhost`), with the port it listens on when a port is given. A web page the user visits
/// can point a DNS name of its own at 127.0.0.1 (DNS rebinding) and read the preview through
/// it; its requests carry that name as `Host` and are refused. When the server listens on
/// every address (`0.0.0.0`, `::`), any IP literal is accepted: rebinding needs a name.
struct HostCheck {
    let listenHost: String
    let port: Int

    func allows(_ header: String?) -> Bool {
        guard let header, !header.isEmpty else { return false }
        let (host, givenPort) = Self.split(header.lowercased())
        if let givenPort, givenPort != port { return false }
        if host == "localhost" { return true }
        let listening = listenHost.lowercased()
        if listening == "localhost" { return host == "127.0.0.1" }
        if Self.isWildcard(listening) { return Self.isIPLiteral(host) }
        return Self.sameAddress(host, listening)
    }

    /// `host[:port]` or `[v6][:port]`; nil port when absent, -1 when not a number.
    private static func split(_ value: String) -> (String, Int?) {
        if value.hasPrefix("[") {
            guard let close = value.firstIndex(of: "]") else { return (value, nil) }
            let host = String(value[value.index(after: value.startIndex)..<close])
            let rest = value[value.index(after: close)...]
            guard rest.hasPrefix(":") else { return (host, rest.isEmpty ? nil : -1) }
            return (host, Int(rest.dropFirst()) ?? -1)
        }
        guard let colon = value.lastIndex(of: ":") else { return (value, nil) }
        return (String(value[..<colon]), Int(value[value.index(after: colon)...]) ?? -1)
    }

    private static func isWildcard(_ host: String) -> Bool { host == "0.0.0.0" || sameAddress(host, "::") }

    private static func isIPLiteral(_ host: String) -> Bool { binary(host) != nil }

    /// Two IP literals naming one address (`::1` and `0:0::1`).
    private static func sameAddress(_ a: String, _ b: String) -> Bool {
        guard let x = binary(a), let y = binary(b) else { return a == b }
        return x == y
    }

    private static func binary(_ host: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}
