import Diagnostics

/// A host name that no compose service answers to: Docker's DNS resolves service names, `container_name`s
/// and network aliases only, so a typo (`alertmanger:9093`) or a name from another lab fails to resolve.
///
/// Triggers:
/// ```yaml
/// alerting:
///   alertmanagers:
///     - static_configs:
///         - targets: ['alertmanger:9093']   # error: no service "alertmanger" (did you mean "alertmanager"?)
/// ```
/// Does not trigger: `alertmanager:9093` with an `alertmanager` service (or `container_name`/alias),
/// `host.docker.internal:8000`, IP addresses, `localhost` (see ``LocalhostTargetCheck``).
public struct UnknownHostCheck: LabWiringCheck {
    public static let code = "lab/unknown-host"
    public static let summary = "a target or URL names a host that is no compose service, container name or alias"
    public static let isLint = false

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        lab.containerEndpoints.compactMap { e in
            guard case .unknown = lab.target(of: e) else { return nil }
            return .error(Self.code, "\(e.description): no compose service, container_name or network alias is "
                          + "called \"\(e.host)\"" + Suggestion.didYouMean(e.host, in: lab.hostNames),
                          at: e.location)
        }
    }
}
