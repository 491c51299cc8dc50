import YAML

/// A named receiver: the notifiers alerts routed to it are sent to.
public struct AlertmanagerReceiver: Sendable {
    public var name: String
    /// The notifiers, in the order of the kinds in the file.
    public var integrations: [AlertmanagerIntegration] = []
    public var node: YAMLNode?

    public init(name: String, integrations: [AlertmanagerIntegration] = []) {
        self.name = name
        self.integrations = integrations
    }

    /// Where the receiver's name is written (else the receiver).
    public var nameLocation: YAMLNode? { node.flatMap { YAMLMapping(node: $0).keyNode("name") } ?? node }
}

// MARK: - Decoding

extension AlertmanagerReceiver {
    static let keys = ["name"] + AlertmanagerIntegrationKind.all.map(\.receiverKey)

    static func decode(_ node: YAMLNode, global: AlertmanagerGlobal, context ctx: inout YAMLDecodingContext)
        -> AlertmanagerReceiver? {
        guard let m = ctx.mapping(node, allowed: keys, what: "receiver") else { return nil }
        var r = AlertmanagerReceiver(name: ctx.string(m["name"], what: "name") ?? "")
        r.node = node
        if r.name.isEmpty {
            ctx.error(AlertmanagerDiagnosticCode.receiverNameMissing, "missing name in receiver", at: node)
        }
        for kind in AlertmanagerIntegrationKind.all {
            let items = ctx.list(m[kind.receiverKey], what: kind.receiverKey) { ctx, item in
                AlertmanagerIntegration.decode(item, kind: kind, global: global, context: &ctx)
            }
            r.integrations += items ?? []
        }
        return r
    }

    /// The receiver as a YAML mapping: notifiers with their written settings.
    public func yamlNode() -> YAMLNode {
        var pairs: [(String, YAMLNode)] = [("name", .string(name))]
        for kind in AlertmanagerIntegrationKind.all {
            let items = integrations.filter { $0.kind == kind }
            guard !items.isEmpty else { continue }
            pairs.append((kind.receiverKey, .sequence(items.map { $0.yamlNode() })))
        }
        return .mapping(pairs)
    }
}

extension AlertmanagerIntegration {
    /// The notifier as written (nested settings kept from the source; globals not repeated).
    public func yamlNode() -> YAMLNode {
        if let node { return node }
        var pairs: [(String, YAMLNode)] = []
        if sendResolved != kind.sendResolvedDefault { pairs.append(("send_resolved", .scalar("\(sendResolved)"))) }
        for key in kind.keys {
            if let v = settings[key] { pairs.append((key, .string(v))) }
        }
        return .mapping(pairs)
    }
}
