import Diagnostics

/// A long-running service without `restart`: it stays down after a crash or a host reboot.
///
/// Triggers: a service with `image: prom/prometheus` and no `restart`. Does not trigger: `restart: unless-stopped`,
/// or a one-shot service (a `depends_on` target with `condition: service_completed_successfully`, or one in a
/// `profiles` group).
public struct MissingRestartPolicyLint: LintRule {
    public static let code = "compose-lint/no-restart-policy"
    public static let summary = "long-running service without a restart policy"

    public init() {}

    public func check(_ compose: ComposeFile) -> [Diagnostic] {
        let oneShot = Set(compose.services.flatMap { s in
            s.dependsOn.filter { $0.condition == "service_completed_successfully" }.map(\.service)
        })
        return compose.services.compactMap { s in
            guard s.restart == nil, !oneShot.contains(s.name), s.node?["profiles"] == nil else { return nil }
            return .warning(Self.code, "service \"\(s.name)\" has no restart policy (add restart: unless-stopped)",
                            at: s.node?.location)
        }
    }
}
