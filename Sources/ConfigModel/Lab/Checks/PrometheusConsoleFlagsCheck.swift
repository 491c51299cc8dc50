import Diagnostics

/// `--web.console.libraries` / `--web.console.templates` on a Prometheus 3 image (`latest`, `v3.x`):
/// Prometheus 3 dropped the console templates and libraries, and its images no longer ship them, so
/// the flags point at nothing (the lab's corrections: Prometheus 3 does not start with them). The seed
/// of Práctica 26 passes both.
///
/// Triggers: `image: prom/prometheus:latest` with `--web.console.templates=/etc/prometheus/consoles`.
/// Does not trigger: the same flags on `prom/prometheus:v2.53.0`; no console flags.
public struct PrometheusConsoleFlagsCheck: LabWiringCheck {
    public static let code = "lab/prometheus3-console-flags"
    public static let summary = "--web.console.* flags on a Prometheus 3 image, which no longer has console templates"
    public static let isLint = false

    static let flags = ["web.console.libraries", "web.console.templates"]

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        lab.services.filter { $0.role == .prometheus && Self.isVersion3($0.compose.image) }.flatMap { s in
            Self.flags.compactMap { flag -> Diagnostic? in
                guard let found = s.commandFlag(flag) else { return nil }
                return .error(Self.code,
                              "\(s.name): --\(flag) is for the console templates, which Prometheus 3 (\(s.compose.image ?? "latest")) "
                              + "no longer has; remove the flag", at: found.node?.location ?? s.compose.node(for: "command")?.location)
            }
        }
    }

    /// Whether an image reference is Prometheus 3 or later (`latest` and no tag count: they are).
    static func isVersion3(_ image: String?) -> Bool {
        guard let image else { return false }
        var ref = Substring(image)
        if let at = ref.firstIndex(of: "@") { ref = ref[..<at] }
        let last = ref.split(separator: "/").last ?? ref
        let parts = last.split(separator: ":", maxSplits: 1)
        guard parts.count == 2 else { return true }
        let tag = parts[1].hasPrefix("v") ? parts[1].dropFirst() : parts[1]
        if tag == "latest" || tag == "main" { return true }
        guard let major = Int(tag.prefix { $0.isNumber }) else { return false }
        return major >= 3
    }
}
