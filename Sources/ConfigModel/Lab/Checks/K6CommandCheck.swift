import Diagnostics

/// The grafana/k6 image with `command: tail -f /dev/null` (or `sleep …`, `sh …`) and no `entrypoint`: the
/// image's entrypoint is `k6`, so the container runs `k6 tail -f /dev/null`, fails and dies (the seed's
/// Lab 5). Keeping it idle needs `entrypoint: ["tail", "-f", "/dev/null"]`.
///
/// Triggers: `image: grafana/k6` with `command: tail -f /dev/null`.
/// Does not trigger: `entrypoint: ["tail", "-f", "/dev/null"]`; `command: run /scripts/basic_test.js`.
public struct K6CommandCheck: LabWiringCheck {
    public static let code = "lab/k6-command"
    public static let summary = "grafana/k6 given a shell command (tail, sleep, sh) as command: it runs as k6's arguments"
    public static let isLint = false

    static let programs: Set<String> = ["tail", "sleep", "sh", "bash", "/bin/sh", "/bin/bash", "cat"]

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        lab.services.compactMap { s -> Diagnostic? in
            guard let image = s.compose.image, LabServiceRole.repositoryName(image) == "k6",
                  s.compose.node?["entrypoint"] == nil,
                  let first = s.compose.command?.first, Self.programs.contains(first) else { return nil }
            let command = (s.compose.command ?? []).joined(separator: " ")
            return .error(Self.code, "\(s.name): the k6 image's entrypoint is k6, so this runs `k6 \(command)` and the "
                          + "container exits; write entrypoint: [\((s.compose.command ?? []).map { "\"\($0)\"" }.joined(separator: ", "))] instead of command",
                          at: s.compose.node(for: "command")?.location)
        }
    }
}
