import Diagnostics
import PromModel
import YAML

// MARK: - Decoding and validation

extension ScrapeConfig {
    static let ownKeys = ["job_name", "honor_labels", "honor_timestamps", "track_timestamps_staleness", "scheme",
                          "metrics_path", "params", "scrape_interval", "scrape_timeout", "scrape_protocols",
                          "fallback_scrape_protocol", "scrape_classic_histograms", "always_scrape_classic_histograms",
                          "convert_classic_histograms_to_nhcb", "enable_compression", "scrape_failure_log_file",
                          "native_histogram_min_bucket_factor", "metric_name_validation_scheme",
                          "metric_name_escaping_scheme", "relabel_configs", "metric_relabel_configs"]
    static let keys: [String] = ownKeys + ScrapeLimits.keys + HTTPClientConfig.keys + ServiceDiscoveryConfigs.keys

    static let protocols = ["PrometheusProto", "OpenMetricsText0.0.1", "OpenMetricsText1.0.0", "PrometheusText0.0.4",
                            "PrometheusText1.0.0"]

    /// Decodes one scrape config, applying the global defaults as `ScrapeConfig.Validate` does.
    static func decode(_ node: YAMLNode, global: GlobalConfig, _ ctx: inout YAMLDecodingContext) -> ScrapeConfig? {
        guard let m = ctx.mapping(node, allowed: keys, what: "scrape config") else { return nil }
        var c = ScrapeConfig()
        c.location = node.location
        if let nameNode = ctx.required("job_name", in: m, what: "scrape config") {
            c.jobName = ctx.string(nameNode, what: "job_name") ?? ""
            c.jobNameLocation = nameNode.location
            if c.jobName.isEmpty { ctx.error(ConfigCode.emptyJobName, "job_name is empty", at: nameNode) }
        } else if m.contains("job_name"), let key = m.keyNode("job_name") {
            c.jobNameLocation = key.location
        }
        let job = "scrape config with job name \"\(c.jobName)\""
        if let b = ctx.bool(m["honor_labels"]) { c.honorLabels = b }
        if let b = ctx.bool(m["honor_timestamps"]) { c.honorTimestamps = b }
        if let b = ctx.bool(m["track_timestamps_staleness"]) { c.trackTimestampsStaleness = b }
        if let s = ctx.string(m["scheme"]) { c.scheme = s }
        if let s = ctx.string(m["metrics_path"]) { c.metricsPath = s }
        if let p = ctx.mapping(m["params"], what: "params") {
            for pair in p.pairs {
                guard let name = ctx.string(pair.key) else { continue }
                c.params.append((name, ctx.stringList(pair.value, what: "params.\(name)") ?? []))
            }
        }
        c.explicitInterval = ctx.duration(m["scrape_interval"], what: "scrape_interval")
        c.explicitTimeout = ctx.duration(m["scrape_timeout"], what: "scrape_timeout")
        c.scrapeIntervalLocation = m["scrape_interval"]?.location ?? global.scrapeIntervalLocation
        c.scrapeInterval = c.explicitInterval.flatMap { $0 > .zero ? $0 : nil } ?? global.scrapeInterval
        if let t = c.explicitTimeout, t > c.scrapeInterval, let n = m["scrape_timeout"] {
            ctx.error(ConfigCode.timeoutGreaterThanInterval,
                      "scrape timeout greater than scrape interval for \(job) (\(t) > \(c.scrapeInterval))", at: n)
        }
        if let t = c.explicitTimeout, t > .zero {
            c.scrapeTimeout = t
        } else {
            c.scrapeTimeout = global.scrapeTimeout > c.scrapeInterval ? c.scrapeInterval : global.scrapeTimeout
        }
        c.limits = ScrapeLimits.decode(m, defaults: global.limits, &ctx)
        let protocols = decodeProtocolKeys(m, &ctx)
        c.scrapeProtocols = protocols.isEmpty ? global.scrapeProtocols : protocols
        for key in ["scrape_classic_histograms", "always_scrape_classic_histograms", "convert_classic_histograms_to_nhcb",
                    "enable_compression"] {
            _ = ctx.bool(m[key], what: key)
        }
        c.httpClient = HTTPClientConfig.decode(m, &ctx)
        c.relabelConfigs = RelabelConfig.decodeList(m["relabel_configs"], &ctx, what: "relabel_configs")
        c.metricRelabelConfigs = RelabelConfig.decodeList(m["metric_relabel_configs"], &ctx,
                                                          what: "metric_relabel_configs")
        c.serviceDiscovery = ServiceDiscoveryConfigs.decode(m, &ctx, checkTargets: c.relabelConfigs.isEmpty)
        return c
    }

    /// `scrape_protocols`, `fallback_scrape_protocol` and the name validation keys, shared with `global`.
    /// Returns the valid protocols of `scrape_protocols`, in order.
    @discardableResult
    static func decodeProtocolKeys(_ m: YAMLMapping, _ ctx: inout YAMLDecodingContext) -> [String] {
        var seen = Set<String>()
        var valid: [String] = []
        for item in ctx.sequence(m["scrape_protocols"], what: "scrape_protocols") ?? [] {
            guard let p = ctx.string(item, what: "a scrape protocol") else { continue }
            if !protocols.contains(p) {
                ctx.error(ConfigCode.invalidValue,
                          "unknown scrape protocol \(p)\(Suggestion.didYouMean(p, in: protocols)), supported: \(protocols.joined(separator: ", "))",
                          at: item)
            } else if !seen.insert(p).inserted {
                ctx.error(ConfigCode.invalidValue, "duplicated protocol in scrape_protocols: \(p)", at: item)
            } else {
                valid.append(p)
            }
        }
        if let n = m["fallback_scrape_protocol"], let p = ctx.string(n), !protocols.contains(p) {
            ctx.error(ConfigCode.invalidValue, "unknown fallback_scrape_protocol \(p)", at: n)
        }
        if let n = m["metric_name_validation_scheme"], let s = ctx.string(n), !["", "utf8", "legacy"].contains(s) {
            ctx.error(ConfigCode.invalidValue, "unknown metric_name_validation_scheme \"\(s)\" (want utf8 or legacy)",
                      at: n)
        }
        return valid
    }
}
