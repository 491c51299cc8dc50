import YAML

/// One published port of a service, from the short (`"127.0.0.1:8080:80/tcp"`) or long syntax.
public struct ComposePort: Hashable, Sendable {
    /// Container port range (a single port has `lowerBound == upperBound`).
    public var target: ClosedRange<Int>
    /// Host port range; `nil` when Docker picks an ephemeral port.
    public var published: ClosedRange<Int>?
    /// Host address; `nil` means all interfaces.
    public var hostIP: String?
    /// `tcp` (default), `udp` or `sctp`.
    public var protocolName: String

    public init(target: ClosedRange<Int>, published: ClosedRange<Int>? = nil, hostIP: String? = nil,
                protocolName: String = "tcp") {
        self.target = target
        self.published = published
        self.hostIP = hostIP
        self.protocolName = protocolName
    }

    /// Why a port was rejected.
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    static let protocols: Set<String> = ["tcp", "udp", "sctp"]

    // MARK: - Short syntax

    /// Parses `[HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTOCOL]` (IPv6 hosts in brackets).
    public static func parse(_ text: String) throws -> ComposePort {
        var body = Substring(text)
        var proto = "tcp"
        if let slash = body.lastIndex(of: "/") {
            proto = String(body[body.index(after: slash)...]).lowercased()
            body = body[..<slash]
            guard protocols.contains(proto) else { throw ParseError(message: "invalid protocol \"\(proto)\"") }
        }
        var hostIP: String?
        if body.hasPrefix("["), let close = body.firstIndex(of: "]") {
            hostIP = String(body[body.index(after: body.startIndex)..<close])
            body = body[body.index(after: close)...]
            guard body.hasPrefix(":") else { throw ParseError(message: "invalid IPv6 host address in \"\(text)\"") }
            body = body.dropFirst()
        }
        var parts = body.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if hostIP == nil, parts.count == 3 {
            hostIP = parts.removeFirst()
        }
        guard (1...2).contains(parts.count) else { throw ParseError(message: "invalid port \"\(text)\": too many colons") }
        let target = try range(parts[parts.count - 1], in: text)
        var published: ClosedRange<Int>?
        if parts.count == 2, !parts[0].isEmpty { published = try range(parts[0], in: text) }
        if let published, published.count != target.count, target.count != 1 {
            throw ParseError(message: "invalid port \"\(text)\": host and container port ranges differ in size")
        }
        if let ip = hostIP, !ip.isEmpty, !isIPAddress(ip) {
            throw ParseError(message: "invalid IP address \"\(ip)\" in port \"\(text)\"")
        }
        return ComposePort(target: target, published: published, hostIP: hostIP?.isEmpty == true ? nil : hostIP,
                           protocolName: proto)
    }

    static func range(_ text: String, in whole: String) throws -> ClosedRange<Int> {
        let ends = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(ends.count), let a = Int(ends[0]), let b = Int(ends[ends.count - 1]),
              (0...65535).contains(a), (0...65535).contains(b), a <= b else {
            throw ParseError(message: "invalid port \"\(whole)\": \"\(text)\" is not a port or port range (0-65535)")
        }
        return a...b
    }

    static func isIPAddress(_ text: String) -> Bool {
        if text.contains(":") { return text.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." } }
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { Int($0).map { (0...255).contains($0) } ?? false }
    }

    /// The short-syntax text.
    public var shortSyntax: String {
        func r(_ range: ClosedRange<Int>) -> String {
            range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound)-\(range.upperBound)"
        }
        var out = ""
        if let hostIP { out += hostIP.contains(":") ? "[\(hostIP)]:" : "\(hostIP):" }
        if let published { out += r(published) + ":" } else if hostIP != nil { out += ":" }
        out += r(target)
        if protocolName != "tcp" { out += "/" + protocolName }
        return out
    }
}

// MARK: - Decoding

extension ComposePort {
    static let longKeys = ["target", "published", "host_ip", "protocol", "mode", "name", "app_protocol"]

    static func decode(_ node: YAMLNode, context ctx: inout YAMLDecodingContext) -> ComposePort? {
        if node.mapping != nil {
            guard let m = ComposeFile.mapping(node, allowed: longKeys, what: "port", context: &ctx),
                  let targetNode = ctx.required("target", in: m, what: "port") else { return nil }
            guard let target = ctx.int(targetNode, in: 0...65535, what: "target") else { return nil }
            var port = ComposePort(target: target...target)
            if let p = m["published"], let text = ctx.string(p, what: "published"), !text.contains("$") {
                do { port.published = try range(text, in: text) } catch {
                    ctx.error(ComposeDiagnosticCode.invalidPort, "\(error)", at: p)
                }
            }
            if let ip = m["host_ip"], let text = ctx.string(ip, what: "host_ip") {
                if isIPAddress(text) { port.hostIP = text } else {
                    ctx.error(ComposeDiagnosticCode.invalidPort, "invalid IP address \"\(text)\"", at: ip)
                }
            }
            if let p = m["protocol"], let text = ctx.string(p, what: "protocol") {
                if protocols.contains(text.lowercased()) { port.protocolName = text.lowercased() } else {
                    ctx.error(ComposeDiagnosticCode.invalidPort, "invalid protocol \"\(text)\"", at: p)
                }
            }
            if let mode = m["mode"], let text = ctx.string(mode, what: "mode"), text != "host", text != "ingress" {
                ctx.error(ComposeDiagnosticCode.invalidPort, "invalid port mode \"\(text)\" (host or ingress)", at: mode)
            }
            return port
        }
        guard let text = ctx.string(node, what: "port"), !text.contains("$") else { return nil }
        do {
            return try parse(text)
        } catch {
            ctx.error(ComposeDiagnosticCode.invalidPort, "\(error)", at: node)
            return nil
        }
    }
}
