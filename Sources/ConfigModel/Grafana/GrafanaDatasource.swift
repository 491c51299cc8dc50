import YAML

/// One entry of a datasource provisioning file's `datasources:`, with Grafana's defaults applied.
public struct GrafanaDatasource: Sendable {
    public var name: String
    public var type: String
    /// `proxy` (default) or `direct`.
    public var access = "proxy"
    public var orgID = 1
    public var uid: String?
    public var url: String?
    public var isDefault = false
    public var editable = false
    /// `jsonData` as written.
    public var jsonData: YAMLNode?
    public var node: YAMLNode?

    public init(name: String, type: String, url: String? = nil, uid: String? = nil, isDefault: Bool = false) {
        self.name = name
        self.type = type
        self.url = url
        self.uid = uid
        self.isDefault = isDefault
    }

    static let keys = ["name", "type", "access", "orgId", "uid", "url", "user", "database", "basicAuth",
                       "basicAuthUser", "withCredentials", "isDefault", "jsonData", "secureJsonData", "version",
                       "editable", "password", "basicAuthPassword", "correlations", "readOnly", "apiVersion"]
    /// Types whose plugins need a URL.
    static let typesNeedingURL: Set<String> = ["prometheus", "loki", "tempo", "jaeger", "zipkin", "elasticsearch",
                                               "influxdb", "graphite", "alertmanager"]

    static func decode(_ node: YAMLNode, context ctx: inout YAMLDecodingContext) -> GrafanaDatasource? {
        guard let m = ctx.mapping(node, allowed: keys, what: "datasource") else { return nil }
        let name = ctx.required("name", in: m, what: "datasource").flatMap { ctx.string($0, what: "name") }
        let type = ctx.required("type", in: m, what: "datasource").flatMap { ctx.string($0, what: "type") }
        var d = GrafanaDatasource(name: name ?? "", type: type ?? "")
        d.node = node
        if let a = m["access"], let access = ctx.string(a, what: "access") {
            if access == "proxy" || access == "direct" { d.access = access } else {
                ctx.warning(GrafanaDiagnosticCode.invalidAccess,
                            "invalid access value \"\(access)\", will use \"proxy\" (proxy or direct)", at: a)
            }
        }
        d.orgID = ctx.int(m["orgId"], what: "orgId") ?? 1
        d.uid = ctx.string(m["uid"], what: "uid")
        if let u = m["url"], let url = ctx.string(u, what: "url") {
            d.url = url
            if !url.hasPrefix("$"), !GrafanaDatasource.isHTTPURL(url) {
                ctx.error(GrafanaDiagnosticCode.invalidURL, "invalid datasource URL \"\(url)\"", at: u)
            }
        } else if typesNeedingURL.contains(d.type) {
            ctx.error(GrafanaDiagnosticCode.missingURL, "datasource \"\(d.name)\" of type \(d.type) needs a url",
                      at: node)
        }
        d.isDefault = ctx.bool(m["isDefault"], what: "isDefault") ?? false
        d.editable = ctx.bool(m["editable"], what: "editable") ?? false
        _ = ctx.bool(m["basicAuth"], what: "basicAuth")
        _ = ctx.int(m["version"], what: "version")
        d.jsonData = m["jsonData"]
        _ = ctx.mapping(m["jsonData"], what: "jsonData")
        _ = ctx.mapping(m["secureJsonData"], what: "secureJsonData")
        return d
    }

    static func isHTTPURL(_ text: String) -> Bool {
        guard let schemeEnd = text.range(of: "://") else { return false }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        let rest = text[schemeEnd.upperBound...]
        return (scheme == "http" || scheme == "https") && !rest.isEmpty && !rest.hasPrefix("/")
    }

    /// The datasource as a YAML mapping.
    public func yamlNode() -> YAMLNode {
        var pairs: [(String, YAMLNode)] = [("name", .string(name)), ("type", .string(type)),
                                           ("access", .string(access))]
        if orgID != 1 { pairs.append(("orgId", .scalar("\(orgID)"))) }
        if let uid { pairs.append(("uid", .string(uid))) }
        if let url { pairs.append(("url", .string(url))) }
        if isDefault { pairs.append(("isDefault", .scalar("true"))) }
        if editable { pairs.append(("editable", .scalar("true"))) }
        if let jsonData { pairs.append(("jsonData", jsonData)) }
        return .mapping(pairs)
    }
}
