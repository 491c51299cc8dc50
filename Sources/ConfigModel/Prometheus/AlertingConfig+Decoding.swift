import Diagnostics
import PromModel
import YAML

// MARK: - alerting

extension AlertingConfig {
    static func decode(_ node: YAMLNode, _ ctx: inout YAMLDecodingContext) -> AlertingConfig {
        var a = AlertingConfig()
        guard let m = ctx.mapping(node, allowed: ["alert_relabel_configs", "alertmanagers"], what: "alerting") else {
            return a
        }
        a.alertRelabelConfigs = RelabelConfig.decodeList(m["alert_relabel_configs"], &ctx, what: "alert_relabel_configs")
        a.alertmanagers = ctx.list(m["alertmanagers"], what: "alertmanagers") { ctx, item in
            AlertmanagerEndpointConfig.decode(item, &ctx)
        } ?? []
        return a
    }
}

extension AlertmanagerEndpointConfig {
    static let supportedAPIVersions = ["v2"]

    static func decode(_ node: YAMLNode, _ ctx: inout YAMLDecodingContext) -> AlertmanagerEndpointConfig? {
        let own = ["scheme", "path_prefix", "timeout", "api_version", "relabel_configs", "alert_relabel_configs"]
        guard let m = ctx.mapping(node, allowed: own + HTTPClientConfig.keys + ServiceDiscoveryConfigs.keys,
                                  what: "alertmanager config") else { return nil }
        var c = AlertmanagerEndpointConfig()
        c.location = node.location
        if let s = ctx.string(m["scheme"]) { c.scheme = s }
        if let s = ctx.string(m["path_prefix"]) { c.pathPrefix = s }
        if let d = ctx.duration(m["timeout"], what: "timeout") { c.timeout = d }
        if let n = m["api_version"], let v = ctx.string(n) {
            c.apiVersion = v
            if !Self.supportedAPIVersions.contains(v) {
                ctx.error(ConfigCode.invalidAPIVersion,
                          "expected Alertmanager api version to be one of [v2] but got \(v)", at: n)
            }
        }
        c.httpClient = HTTPClientConfig.decode(m, &ctx)
        c.relabelConfigs = RelabelConfig.decodeList(m["relabel_configs"], &ctx, what: "relabel_configs")
        c.alertRelabelConfigs = RelabelConfig.decodeList(m["alert_relabel_configs"], &ctx, what: "alert_relabel_configs")
        c.serviceDiscovery = ServiceDiscoveryConfigs.decode(m, &ctx, checkTargets: c.relabelConfigs.isEmpty)
        return c
    }
}
