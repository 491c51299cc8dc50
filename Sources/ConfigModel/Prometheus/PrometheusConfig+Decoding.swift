import Diagnostics
import PromModel
import YAML

// MARK: - Top level

extension PrometheusConfig {
    static let keys = ["global", "runtime", "rule_files", "scrape_config_files", "scrape_configs", "storage", "tracing",
                       "alerting", "remote_write", "remote_read", "otlp"]

    /// Decodes a document root into a config, reporting every problem into `ctx`.
    /// Returns `nil` only when the root is not a mapping.
    public static func decode(_ root: YAMLNode, _ ctx: inout YAMLDecodingContext) -> PrometheusConfig? {
        guard let m = ctx.mapping(root, allowed: keys, what: "the Prometheus configuration") else { return nil }
        var config = PrometheusConfig()
        config.file = root.file
        if let g = m["global"] { config.global = GlobalConfig.decode(g, &ctx) }
        config.ruleFiles = ctx.locatedStrings(m["rule_files"], what: "rule_files") ?? []
        config.scrapeConfigFiles = ctx.locatedStrings(m["scrape_config_files"], what: "scrape_config_files") ?? []
        for key in ["runtime", "storage", "tracing", "otlp"] { _ = ctx.mapping(m[key], what: key) }
        config.scrapeConfigs = ctx.list(m["scrape_configs"], what: "scrape_configs") { ctx, item in
            ScrapeConfig.decode(item, global: config.global, &ctx)
        } ?? []
        if let a = m["alerting"] { config.alerting = AlertingConfig.decode(a, &ctx) }
        config.remoteWrite = ctx.list(m["remote_write"], what: "remote_write") { ctx, item in
            RemoteWriteConfig.decode(item, &ctx)
        } ?? []
        config.remoteRead = ctx.list(m["remote_read"], what: "remote_read") { ctx, item in
            RemoteReadConfig.decode(item, &ctx)
        } ?? []
        config.checkUniqueness(&ctx)
        return config
    }

    /// Job names and remote endpoint names must be unique.
    private func checkUniqueness(_ ctx: inout YAMLDecodingContext) {
        var jobs: [String: SourceLocation?] = [:]
        for job in scrapeConfigs where !job.jobName.isEmpty {
            if let first = jobs[job.jobName] {
                ctx.report(.error(ConfigCode.duplicateJobName,
                                  "found multiple scrape configs with job name \"\(job.jobName)\"",
                                  at: job.jobNameLocation ?? job.location,
                                  notes: first.map { [Diagnostic.Note("first defined here", at: $0)] } ?? []))
            } else {
                jobs[job.jobName] = job.jobNameLocation
            }
        }
        func unique(_ names: [(String?, SourceLocation?)], kind: String) -> [Diagnostic] {
            var seen = Set<String>()
            return names.compactMap { name, location in
                guard let name, !name.isEmpty, !seen.insert(name).inserted else { return nil }
                return .error(ConfigCode.duplicateRemoteName,
                              "found multiple \(kind) configs with job name \"\(name)\"", at: location)
            }
        }
        for d in unique(remoteWrite.map { ($0.name, $0.location) }, kind: "remote write") { ctx.report(d) }
        for d in unique(remoteRead.map { ($0.name, $0.location) }, kind: "remote read") { ctx.report(d) }
    }
}

// MARK: - global

extension GlobalConfig {
    static let keys = ["scrape_interval", "scrape_timeout", "scrape_protocols", "evaluation_interval",
                       "rule_query_offset", "external_labels", "query_log_file", "scrape_failure_log_file",
                       "metric_name_validation_scheme", "metric_name_escaping_scheme",
                       "convert_classic_histograms_to_nhcb", "always_scrape_classic_histograms",
                       "extra_scrape_metrics", "native_histogram_min_bucket_factor"] + ScrapeLimits.keys

    static func decode(_ node: YAMLNode, _ ctx: inout YAMLDecodingContext) -> GlobalConfig {
        var g = GlobalConfig()
        guard let m = ctx.mapping(node, allowed: keys, what: "global") else { return g }
        if let d = ctx.duration(m["scrape_interval"], what: "scrape_interval"), d > .zero {
            g.scrapeInterval = d
            g.scrapeIntervalLocation = m["scrape_interval"]?.location
        }
        let timeout = ctx.duration(m["scrape_timeout"], what: "scrape_timeout")
        if let d = ctx.duration(m["evaluation_interval"], what: "evaluation_interval"), d > .zero {
            g.evaluationInterval = d
        }
        if let d = ctx.duration(m["rule_query_offset"], what: "rule_query_offset") { g.ruleQueryOffset = d }
        if let timeout, timeout > g.scrapeInterval, let n = m["scrape_timeout"] {
            ctx.error(ConfigCode.timeoutGreaterThanInterval,
                      "global scrape timeout greater than scrape interval (\(timeout) > \(g.scrapeInterval))", at: n)
        }
        if let timeout, timeout > .zero {
            g.scrapeTimeout = timeout
        } else if GlobalConfig.defaultScrapeTimeout > g.scrapeInterval {
            g.scrapeTimeout = g.scrapeInterval
        }
        g.externalLabels = ctx.labelPairs(m["external_labels"], what: "external_labels") ?? []
        for label in g.externalLabels where !LabelNames.isValidUTF8Name(label.name) || label.name == Label.metricName {
            ctx.report(.error(ConfigCode.invalidLabelName, "\"\(label.name)\" is not a valid label name",
                              at: label.location))
        }
        g.queryLogFile = ctx.string(m["query_log_file"])
        g.scrapeFailureLogFile = ctx.string(m["scrape_failure_log_file"])
        g.limits = ScrapeLimits.decode(m, defaults: ScrapeLimits(), &ctx)
        g.scrapeProtocols = ScrapeConfig.decodeProtocolKeys(m, &ctx)
        return g
    }
}

// MARK: - limits

extension ScrapeLimits {
    /// Reads the limit keys of `m`, starting from `defaults` (the global limits for a job).
    static func decode(_ m: YAMLMapping, defaults: ScrapeLimits, _ ctx: inout YAMLDecodingContext) -> ScrapeLimits {
        var limits = defaults
        for (key, path) in intKeys {
            if let v = ctx.count(m[key], what: key) { limits[keyPath: path] = v }
        }
        if let v = ctx.byteSize(m["body_size_limit"], what: "body_size_limit") { limits.bodySizeLimit = v }
        return limits
    }
}
