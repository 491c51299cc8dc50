/// Which hosts `labctl load` may send traffic to: loopback (`localhost`, `127.0.0.0/8`, `::1`) and
/// the host names a scenario file lists under `hosts:`. Names are not resolved: `api` is allowed
/// only when the scenario names it.
public enum LoadTargetPolicy {
    /// Whether `host` is a loopback name or address.
    public static func isLoopback(_ host: String) -> Bool {
        let lower = host.lowercased()
        if lower == "localhost" || lower.hasSuffix(".localhost") || lower == "::1" || lower == "0:0:0:0:0:0:0:1" { return true }
        let parts = lower.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) }),
              let first = Int(parts[0]), parts.compactMap({ Int($0) }).allSatisfy({ $0 <= 255 }) else { return false }
        return first == 127
    }

    /// Whether `host` is loopback or one of `extra` (case-insensitive).
    public static func isAllowed(host: String, extra: [String]) -> Bool {
        isLoopback(host) || extra.contains { $0.lowercased() == host.lowercased() }
    }
}
