/// String operations behind template functions whose Go originals live in `strings` and `net`:
/// title casing, host:port splitting and URL paths.
enum TemplateStrings {
    /// Upper-cases the first letter of each word. With `lowerRest` the other letters are lowered
    /// (Alertmanager's `cases.Title`); without it they are kept (Prometheus's `title`).
    static func title(_ s: String, lowerRest: Bool) -> String {
        var out = ""
        var previousIsWordPart = false
        for c in s {
            let isWordPart = c.isLetter || c.isNumber || c == "_" || c == "'" || c == "’"
            if isWordPart && !previousIsWordPart {
                out += c.uppercased()
            } else {
                out += lowerRest ? c.lowercased() : String(c)
            }
            previousIsWordPart = isWordPart
        }
        return out
    }

    /// Go's `net.SplitHostPort`; nil where Go returns an error (no port, too many colons).
    static func splitHostPort(_ hostPort: String) -> (host: String, port: String)? {
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { return nil }
            let host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let rest = hostPort[hostPort.index(after: close)...]
            guard rest.hasPrefix(":") else { return nil }
            let port = String(rest.dropFirst())
            guard !port.contains(":"), !port.contains("]") else { return nil }
            return (host, port)
        }
        guard let colon = hostPort.lastIndex(of: ":") else { return nil }
        let host = String(hostPort[..<colon])
        guard !host.contains(":") else { return nil }
        return (host, String(hostPort[hostPort.index(after: colon)...]))
    }

    /// Prometheus's `stripDomain`: `foo.example.com:9100` is `foo:9100`; IP addresses stay as they are.
    static func stripDomain(_ hostPort: String) -> String {
        let split = splitHostPort(hostPort)
        let host = split?.host ?? hostPort
        let port = split?.port ?? ""
        if isIPAddress(host) { return hostPort }
        let short = host.split(separator: ".", omittingEmptySubsequences: false).first.map(String.init) ?? host
        if !port.isEmpty { return short.contains(":") ? "[\(short)]:\(port)" : "\(short):\(port)" }
        return short
    }

    static func isIPAddress(_ s: String) -> Bool {
        if s.contains(":") {
            return !s.isEmpty && s.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { p in
            !p.isEmpty && p.count <= 3 && p.allSatisfy(\.isASCII) && p.allSatisfy(\.isNumber) && (Int(p) ?? 256) <= 255
        }
    }

    /// The path of a URL (`/prometheus` of `http://host:9090/prometheus?x`).
    static func urlPath(_ url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            guard let slash = rest.firstIndex(of: "/") else { return "" }
            rest = rest[slash...]
        }
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        return String(rest)
    }
}
