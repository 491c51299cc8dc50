import Diagnostics
import YAML

/// A template variable (`templating.list[]`).
public struct GrafanaVariable: Sendable {
    public var name: String
    /// query, adhoc, constant, datasource, interval, textbox, custom, system.
    public var type: String
    /// `query` as text (for query variables: `label_values(up, job)`…).
    public var query: String?
    public var datasource: GrafanaDatasourceRef?
    public var node: YAMLNode?

    public init(name: String, type: String, query: String? = nil) {
        self.name = name
        self.type = type
        self.query = query
    }

    static let types: Set<String> = ["query", "adhoc", "constant", "datasource", "interval", "textbox", "custom",
                                     "system", "groupby", "switch"]

    static func decode(_ node: YAMLNode, context ctx: inout YAMLDecodingContext) -> GrafanaVariable? {
        guard let m = ctx.mapping(node, what: "template variable") else { return nil }
        guard let nameNode = ctx.required("name", in: m, what: "template variable"),
              let name = ctx.string(nameNode, what: "name") else { return nil }
        let type = ctx.string(m["type"], what: "type") ?? "query"
        if !types.contains(type), let t = m["type"] {
            ctx.error(YAMLDiagnosticCode.invalidValue, "unknown variable type \"\(type)\""
                      + Suggestion.didYouMean(type, in: types.sorted()), at: t)
        }
        var v = GrafanaVariable(name: name, type: type)
        v.query = m["query"]?.scalarValue ?? m["query"]?["query"]?.scalarValue
        v.datasource = GrafanaDatasourceRef.decode(m["datasource"])
        v.node = node
        return v
    }
}
