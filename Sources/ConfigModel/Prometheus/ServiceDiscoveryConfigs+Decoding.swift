import Diagnostics
import PromModel
import YAML

// MARK: - Decoding

extension ServiceDiscoveryConfigs {
    /// Discovery mechanisms accepted without field-by-field checks.
    static let otherKeys = ["azure_sd_configs", "consul_sd_configs", "digitalocean_sd_configs", "dns_sd_configs",
                            "ec2_sd_configs", "eureka_sd_configs", "gce_sd_configs", "hetzner_sd_configs",
                            "http_sd_configs", "ionos_sd_configs", "kubernetes_sd_configs", "kuma_sd_configs",
                            "lightsail_sd_configs", "linode_sd_configs", "marathon_sd_configs", "nerve_sd_configs",
                            "nomad_sd_configs", "openstack_sd_configs", "ovhcloud_sd_configs", "puppetdb_sd_configs",
                            "scaleway_sd_configs", "serverset_sd_configs", "triton_sd_configs", "uyuni_sd_configs",
                            "vultr_sd_configs", "dockerswarm_sd_configs", "stackit_sd_configs"]
    static let keys = ["static_configs", "file_sd_configs", "docker_sd_configs"] + otherKeys

    /// Decodes the discovery keys of `m`. `checkTargets`: static targets must be `host:port`
    /// (Prometheus checks this only when no relabelling could rewrite `__address__`).
    static func decode(_ m: YAMLMapping, _ ctx: inout YAMLDecodingContext, checkTargets: Bool) -> ServiceDiscoveryConfigs {
        var sd = ServiceDiscoveryConfigs()
        sd.staticConfigs = ctx.list(m["static_configs"], what: "static_configs") { ctx, item in
            StaticConfig.decode(item, &ctx, checkTargets: checkTargets)
        } ?? []
        sd.fileSDConfigs = ctx.list(m["file_sd_configs"], what: "file_sd_configs") { ctx, item in
            FileSDConfig.decode(item, &ctx)
        } ?? []
        sd.dockerSDConfigs = ctx.list(m["docker_sd_configs"], what: "docker_sd_configs") { ctx, item in
            DockerSDConfig.decode(item, &ctx)
        } ?? []
        for key in otherKeys {
            guard let items = ctx.sequence(m[key], what: key) else { continue }
            for item in items { _ = ctx.mapping(item, what: "an item of \(key)") }
            sd.otherKinds.append(key)
        }
        return sd
    }
}

extension StaticConfig {
    /// Decodes a target group (`targets` + `labels`), as in `static_configs` and file_sd files.
    static func decode(_ node: YAMLNode, _ ctx: inout YAMLDecodingContext, checkTargets: Bool) -> StaticConfig? {
        guard let m = ctx.mapping(node, allowed: ["targets", "labels"], what: "static config") else { return nil }
        var c = StaticConfig()
        c.targets = ctx.locatedStrings(m["targets"], what: "targets") ?? []
        if checkTargets {
            for target in c.targets where target.value.utf8.contains(UInt8(ascii: "/")) {
                ctx.report(.error(ConfigCode.invalidTarget,
                                  "\"\(target.value)\" is not a valid hostname (targets are host:port, without scheme or path; use scheme and metrics_path)",
                                  at: target.location))
            }
        }
        c.labels = ctx.labelPairs(m["labels"], what: "labels") ?? []
        for label in c.labels where !LabelNames.isValidUTF8Name(label.name) {
            ctx.report(.error(ConfigCode.invalidLabelName, "\"\(label.name)\" is not a valid label name",
                              at: label.location))
        }
        return c
    }
}

extension FileSDConfig {
    /// File names must end in .json/.yml/.yaml and may hold `*` only in the last path component.
    static func isValidPattern(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard lower.hasSuffix(".json") || lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") else { return false }
        return RuleFilePattern.isValid(name)
    }

    static func decode(_ node: YAMLNode, _ ctx: inout YAMLDecodingContext) -> FileSDConfig? {
        guard let m = ctx.mapping(node, allowed: ["files", "refresh_interval"], what: "file_sd config") else { return nil }
        var c = FileSDConfig()
        c.files = ctx.locatedStrings(m["files"], what: "files") ?? []
        if c.files.isEmpty {
            ctx.error(ConfigCode.fileSDInvalid, "file service discovery config must contain at least one path name",
                      at: node)
        }
        for file in c.files where !isValidPattern(file.value) {
            ctx.report(.error(ConfigCode.fileSDInvalid, "path name \"\(file.value)\" is not valid for file discovery",
                              at: file.location))
        }
        if let d = ctx.duration(m["refresh_interval"], what: "refresh_interval") { c.refreshInterval = d }
        return c
    }
}

extension DockerSDConfig {
    static func decode(_ node: YAMLNode, _ ctx: inout YAMLDecodingContext) -> DockerSDConfig? {
        let own = ["host", "port", "host_networking_host", "match_first_network", "refresh_interval", "filters"]
        guard let m = ctx.mapping(node, allowed: own + HTTPClientConfig.keys, what: "docker_sd config") else {
            return nil
        }
        var c = DockerSDConfig()
        if let h = ctx.required("host", in: m, what: "docker_sd config"), let host = ctx.string(h) {
            c.host = host
            if !host.contains("://") {
                ctx.error(ConfigCode.invalidURL, "invalid docker host \"\(host)\": expected a URL such as unix:///var/run/docker.sock",
                          at: h)
            }
        }
        if let p = ctx.int(m["port"], in: 0...65535, what: "port") { c.port = p }
        if let s = ctx.string(m["host_networking_host"]) { c.hostNetworkingHost = s }
        if let b = ctx.bool(m["match_first_network"]) { c.matchFirstNetwork = b }
        if let d = ctx.duration(m["refresh_interval"], what: "refresh_interval") { c.refreshInterval = d }
        for item in ctx.sequence(m["filters"], what: "filters") ?? [] {
            guard let f = ctx.mapping(item, allowed: ["name", "values"], what: "filter") else { continue }
            let name = ctx.required("name", in: f, what: "filter").flatMap { ctx.string($0) } ?? ""
            c.filters.append((name, ctx.stringList(f["values"], what: "values") ?? []))
        }
        c.httpClient = HTTPClientConfig.decode(m, &ctx)
        return c
    }
}
