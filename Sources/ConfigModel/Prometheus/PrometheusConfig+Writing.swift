import PromModel
import YAML

// MARK: - Generation

extension PrometheusConfig {
    /// The config as a YAML node tree, leaving out values equal to Prometheus's defaults
    /// (interval/timeout of a job are written only when they were set on the job).
    public func yamlNode() -> YAMLNode {
        var b = YAMLMappingBuilder()
        let g = global.yamlNode()
        if g.mapping?.isEmpty == false { b.add("global", g) }
        b.add("rule_files", items: ruleFiles.map { .string($0.value) })
        b.add("scrape_config_files", items: scrapeConfigFiles.map { .string($0.value) })
        b.add("scrape_configs", items: scrapeConfigs.map { $0.yamlNode() })
        if !alerting.alertmanagers.isEmpty || !alerting.alertRelabelConfigs.isEmpty {
            var a = YAMLMappingBuilder()
            a.add("alert_relabel_configs", items: alerting.alertRelabelConfigs.map { $0.yamlNode() })
            a.add("alertmanagers", items: alerting.alertmanagers.map { $0.yamlNode() })
            b.add("alerting", a.node)
        }
        b.add("remote_write", items: remoteWrite.map { rw in
            var r = YAMLMappingBuilder()
            r.add("url", rw.url)
            r.add("name", rw.name)
            if rw.remoteTimeout != RemoteWriteConfig().remoteTimeout { r.add("remote_timeout", rw.remoteTimeout) }
            r.add("headers", pairs: rw.headers.map { ($0.name, $0.value) })
            r.add("write_relabel_configs", items: rw.writeRelabelConfigs.map { $0.yamlNode() })
            return r.node
        })
        b.add("remote_read", items: remoteRead.map { rr in
            var r = YAMLMappingBuilder()
            r.add("url", rr.url)
            r.add("name", rr.name)
            if rr.readRecent { r.add("read_recent", bool: true) }
            return r.node
        })
        return b.node
    }

    /// The config as YAML text that ``parse(_:file:)`` reads back to an equal config.
    public func yamlText() -> String { YAMLWriter().write(yamlNode()) }
}

extension GlobalConfig {
    func yamlNode() -> YAMLNode {
        var b = YAMLMappingBuilder()
        if scrapeInterval != Self.defaultScrapeInterval { b.add("scrape_interval", scrapeInterval) }
        if scrapeTimeout != Self.defaultScrapeTimeout, scrapeTimeout != scrapeInterval {
            b.add("scrape_timeout", scrapeTimeout)
        }
        if evaluationInterval != Self.defaultEvaluationInterval { b.add("evaluation_interval", evaluationInterval) }
        if ruleQueryOffset != .zero { b.add("rule_query_offset", ruleQueryOffset) }
        b.add("external_labels", pairs: externalLabels.map { ($0.name, $0.value) })
        b.add("query_log_file", queryLogFile)
        limits.add(to: &b)
        return b.node
    }
}

extension ScrapeLimits {
    func add(to b: inout YAMLMappingBuilder) {
        for (key, path) in Self.intKeys where self[keyPath: path] != 0 { b.add(key, int: self[keyPath: path]) }
        if bodySizeLimit != 0 { b.add("body_size_limit", .scalar(String(bodySizeLimit) + "B")) }
    }
}

extension ScrapeConfig {
    func yamlNode() -> YAMLNode {
        var b = YAMLMappingBuilder()
        b.add("job_name", jobName)
        b.add("scrape_interval", explicitInterval)
        b.add("scrape_timeout", explicitTimeout)
        if metricsPath != "/metrics" { b.add("metrics_path", metricsPath) }
        if scheme != "http" { b.add("scheme", scheme) }
        if honorLabels { b.add("honor_labels", bool: true) }
        if !honorTimestamps { b.add("honor_timestamps", bool: false) }
        if !params.isEmpty {
            b.add("params", .mapping(params.map { ($0.name, YAMLNode.sequence($0.values.map(YAMLNode.string))) }))
        }
        limits.add(to: &b)
        httpClient.add(to: &b)
        serviceDiscovery.add(to: &b)
        b.add("relabel_configs", items: relabelConfigs.map { $0.yamlNode() })
        b.add("metric_relabel_configs", items: metricRelabelConfigs.map { $0.yamlNode() })
        return b.node
    }
}

extension AlertmanagerEndpointConfig {
    func yamlNode() -> YAMLNode {
        var b = YAMLMappingBuilder()
        if scheme != "http" { b.add("scheme", scheme) }
        if pathPrefix != "/" { b.add("path_prefix", pathPrefix) }
        if timeout != AlertmanagerEndpointConfig().timeout { b.add("timeout", timeout) }
        httpClient.add(to: &b)
        serviceDiscovery.add(to: &b)
        b.add("relabel_configs", items: relabelConfigs.map { $0.yamlNode() })
        return b.node
    }
}

extension ServiceDiscoveryConfigs {
    func add(to b: inout YAMLMappingBuilder) {
        b.add("static_configs", items: staticConfigs.map { sc in
            var s = YAMLMappingBuilder()
            s.add("targets", .sequence(sc.targets.map { .string($0.value) }))
            s.add("labels", pairs: sc.labels.map { ($0.name, $0.value) })
            return s.node
        })
        b.add("file_sd_configs", items: fileSDConfigs.map { f in
            var s = YAMLMappingBuilder()
            s.add("files", .sequence(f.files.map { .string($0.value) }))
            if f.refreshInterval != FileSDConfig().refreshInterval { s.add("refresh_interval", f.refreshInterval) }
            return s.node
        })
        b.add("docker_sd_configs", items: dockerSDConfigs.map { d in
            var s = YAMLMappingBuilder()
            s.add("host", d.host)
            if d.port != 80 { s.add("port", int: d.port) }
            if d.refreshInterval != DockerSDConfig().refreshInterval { s.add("refresh_interval", d.refreshInterval) }
            return s.node
        })
    }
}

extension HTTPClientConfig {
    func add(to b: inout YAMLMappingBuilder) {
        if let a = basicAuth {
            var s = YAMLMappingBuilder()
            s.add("username", a.username)
            s.add("username_file", a.usernameFile)
            s.add("password", a.password)
            s.add("password_file", a.passwordFile)
            b.add("basic_auth", s.node)
        }
        if let a = authorization {
            var s = YAMLMappingBuilder()
            if a.type != "Bearer" { s.add("type", a.type) }
            s.add("credentials", a.credentials)
            s.add("credentials_file", a.credentialsFile?.value)
            b.add("authorization", s.node)
        }
        b.add("bearer_token", bearerToken)
        b.add("bearer_token_file", bearerTokenFile)
        let t = tlsConfig
        if t != TLSConfig() {
            var s = YAMLMappingBuilder()
            s.add("ca_file", t.caFile?.value)
            s.add("cert_file", t.certFile?.value)
            s.add("key_file", t.keyFile?.value)
            s.add("server_name", t.serverName)
            if t.insecureSkipVerify { s.add("insecure_skip_verify", bool: true) }
            b.add("tls_config", s.node)
        }
        b.add("proxy_url", proxyURL)
        if !followRedirects { b.add("follow_redirects", bool: false) }
    }
}
