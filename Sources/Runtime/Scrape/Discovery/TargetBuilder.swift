import ConfigModel
import PromModel

/// Turns a job's target groups into targets, as Prometheus's `PopulateLabels`: the group's labels,
/// then `job`, `__address__`, `__scheme__`, `__metrics_path__`, `__scrape_interval__`,
/// `__scrape_timeout__` and `__param_*` (unless set), then `relabel_configs`, then `instance`
/// (defaults to `__address__`) and the removal of `__`-prefixed labels.
public struct TargetBuilder: Sendable {
    public let config: ScrapeConfig
    let relabeler: Relabeler

    /// - Throws: ``RelabelError`` when a relabel regex does not compile.
    public init(_ config: ScrapeConfig) throws {
        self.config = config
        self.relabeler = try Relabeler(config.relabelConfigs)
    }

    /// What building a group's targets gave.
    public struct Result: Sendable {
        public var targets: [ScrapeTarget] = []
        /// Targets `relabel_configs` dropped, with their discovered labels.
        public var dropped: [Labels] = []
        /// Targets that could not be built (no address, bad address), with why.
        public var errors: [String] = []
    }

    /// Builds every target of `groups`.
    public func targets(_ groups: [TargetGroup]) -> Result {
        var out = Result()
        var seen = Set<String>()
        for group in groups {
            for address in group.targets {
                var base: [String: String] = group.labels
                if group.source != "static" { base["__meta_filepath"] = group.source }
                base["__address__"] = address
                for (k, v) in defaults where base[k] == nil { base[k] = v }
                let discovered = Labels(base)
                guard let relabelled = relabeler.process(discovered) else {
                    out.dropped.append(discovered)
                    continue
                }
                switch makeTarget(relabelled, discovered: discovered) {
                case .success(let t):
                    if seen.insert(t.identity).inserted { out.targets.append(t) }
                case .failure(let e):
                    out.errors.append(e.message)
                }
            }
        }
        return out
    }

    private var defaults: [String: String] {
        var d: [String: String] = [
            "job": config.jobName,
            "__scheme__": config.scheme,
            "__metrics_path__": config.metricsPath,
            "__scrape_interval__": config.scrapeInterval.description,
            "__scrape_timeout__": config.scrapeTimeout.description,
        ]
        for param in config.params {
            if let first = param.values.first { d["__param_" + param.name] = first }
        }
        return d
    }

    private func makeTarget(_ labels: Labels, discovered: Labels) -> Swift.Result<ScrapeTarget, ScrapeConfigError> {
        guard let address = labels["__address__"], !address.isEmpty else {
            return .failure(ScrapeConfigError("no address"))
        }
        if address.contains("/") {
            return .failure(ScrapeConfigError("\(address) is not a valid hostname"))
        }
        let scheme = labels["__scheme__"] ?? config.scheme
        let interval = labels["__scrape_interval__"].flatMap { try? Duration.parse($0) } ?? config.scrapeInterval
        let timeout = labels["__scrape_timeout__"].flatMap { try? Duration.parse($0) } ?? config.scrapeTimeout
        guard interval.milliseconds > 0 else { return .failure(ScrapeConfigError("scrape interval cannot be 0")) }
        guard timeout.milliseconds > 0 else { return .failure(ScrapeConfigError("scrape timeout cannot be 0")) }
        guard timeout <= interval else {
            return .failure(ScrapeConfigError("scrape timeout cannot be greater than scrape interval (\"\(timeout)\" > \"\(interval)\")"))
        }
        var params: [(name: String, value: String)] = []
        var paramNames = Set<String>()
        for label in labels where label.name.hasPrefix("__param_") {
            let name = String(label.name.dropFirst(8))
            paramNames.insert(name)
            params.append((name, label.value))
        }
        // Extra values of multi-valued params (only the first is a label).
        for param in config.params where param.values.count > 1 && paramNames.contains(param.name) {
            for v in param.values.dropFirst() { params.append((param.name, v)) }
        }
        var kept = labels.filter { !$0.name.hasPrefix("__") }
        if labels["instance"] == nil { kept.append(Label("instance", address)) }
        return .success(ScrapeTarget(
            job: config.jobName, labels: Labels(kept), discoveredLabels: discovered, address: address,
            scheme: scheme, metricsPath: labels["__metrics_path__"] ?? config.metricsPath, params: params,
            intervalMilliseconds: interval.milliseconds, timeoutMilliseconds: timeout.milliseconds))
    }
}
