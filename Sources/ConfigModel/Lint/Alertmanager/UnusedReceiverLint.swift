import Diagnostics

/// A receiver no route sends to: dead configuration, or a typo in a route's `receiver`.
///
/// Triggers:
/// ```yaml
/// route: { receiver: team }
/// receivers: [{ name: team }, { name: pager }]   # pager is never used
/// ```
/// Does not trigger when every receiver is named by some route.
public struct UnusedReceiverLint: LintRule {
    public static let code = "am-lint/unused-receiver"
    public static let summary = "receiver not used by any route"

    public init() {}

    public func check(_ config: AlertmanagerConfig) -> [Diagnostic] {
        let used = Set(config.route?.allRoutes.compactMap(\.receiver) ?? [])
        return config.receivers.filter { !$0.name.isEmpty && !used.contains($0.name) }.map { r in
            .warning(Self.code, "receiver \"\(r.name)\" is not used by any route", at: r.nameLocation?.location)
        }
    }
}
