import Diagnostics

/// Two services reach each other by name only when they share a network: a target on a service that is
/// only on `backend` cannot be scraped by a Prometheus only on `monitoring`.
///
/// Triggers: `targets: ['api:8000']` where `prometheus` has `networks: [monitoring]` and `api` has
/// `networks: [backend]`. Does not trigger when both list `monitoring`, or when neither lists networks
/// (both are on `default`).
public struct SharedNetworkCheck: LabWiringCheck {
    public static let code = "lab/no-shared-network"
    public static let summary = "a target's service shares no network with the container connecting to it"
    public static let isLint = false

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        lab.containerEndpoints.compactMap { e in
            guard case .service(let s) = lab.target(of: e), let client = e.client, s.name != client.name,
                  !s.usesHostNetwork, !client.sharesNetwork(with: s) else { return nil }
            return .error(Self.code, "\(e.description): \(client.name) (networks: \(client.networks.joined(separator: ", "))) "
                          + "and \(s.name) (networks: \(s.networks.joined(separator: ", "))) share no network",
                          at: e.location)
        }
    }
}
