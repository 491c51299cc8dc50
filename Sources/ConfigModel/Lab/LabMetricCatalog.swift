import PromModel
import PromQL

/// Which metric names the lab's scrape jobs can produce: per job, the producers behind its targets (an
/// image's metric prefixes, the app's declared metrics, or anything when labctl cannot tell), plus the
/// series every Prometheus has (`up`, `scrape_*`, `ALERTS`) and recording-rule outputs.
///
/// ```swift
/// let catalog = LabMetricCatalog(lab: lab)
/// catalog.canProduce("node_load1", job: nil)     // true with a node_exporter job
/// ```
public struct LabMetricCatalog: Sendable {
    /// Something behind a scrape target.
    public enum Producer: Sendable, Equatable {
        case role(LabServiceRole)
        /// The lab's app, whose metrics are read from its sources.
        case app
        /// A Pushgateway: its own series plus what the lab's Python jobs push (read from their sources).
        case pushgateway
        /// k6 writing its results with remote write (`k6_*`).
        case k6
        /// A `/federate` job: the series of another Prometheus whose names its `match[]` selectors'
        /// `__name__` matchers accept (`{__name__=~"job:.*"}` gives the recording rules' results).
        case federated([LabelMatcher])
        /// Unknown: any metric may come from it.
        case anything
    }

    /// Producers per job name.
    public var jobs: [String: [Producer]] = [:]
    /// Names recorded by recording rules.
    public var recorded: Set<String> = []
    public var app: AppMetricCatalog
    /// Whether data can arrive by other means than scraping from writers labctl cannot see into.
    public var isOpenEnded = false
    /// What writes into Prometheus's remote-write receiver, when it is enabled and the writers are known.
    public var remoteWriters: [Producer] = []

    /// Series Prometheus writes itself.
    public static let synthetic: Set<String> = [
        "up", "scrape_duration_seconds", "scrape_samples_scraped", "scrape_samples_post_metric_relabeling",
        "scrape_series_added", "scrape_timeout_seconds", "scrape_sample_limit", "scrape_body_size_bytes",
        "ALERTS", "ALERTS_FOR_STATE",
    ]

    /// The Pushgateway's own series (besides what is pushed to it).
    static let pushgatewayOwn = ["pushgateway_", "push_time_seconds", "push_failure_time_seconds", "go_", "process_"]

    public init(lab: Lab) {
        app = lab.appMetrics
        recorded = Set(lab.rules.filter { $0.rule.kind == .recording }.map(\.rule.name))
        if let p = lab.service(role: .prometheus), Self.acceptsRemoteWrite(p) {
            remoteWriters = Self.remoteWriters(in: lab)
        }
        guard let config = lab.prometheus?.value else { return }
        let endpoints = lab.endpoints
        for job in config.scrapeConfigs {
            let sd = job.serviceDiscovery
            if !sd.fileSDConfigs.isEmpty || !sd.otherKinds.isEmpty {
                jobs[job.jobName, default: []].append(.anything)
            }
            if job.metricsPath.contains("federate") {
                jobs[job.jobName, default: []] += Self.federated(job)
                continue
            }
            if !sd.dockerSDConfigs.isEmpty {
                jobs[job.jobName, default: []] += Self.dockerDiscovered(in: lab)
            }
            for e in endpoints where e.kind == .scrapeTarget(job: job.jobName) {
                jobs[job.jobName, default: []].append(Self.producer(of: e, in: lab))
            }
            if jobs[job.jobName] == nil { jobs[job.jobName] = [] }
        }
    }

    /// What serves the metrics of `endpoint`.
    static func producer(of e: LabEndpoint, in lab: Lab) -> Producer {
        guard lab.hasCompose else {
            if let role = LabServiceRole.allCases.first(where: { $0.defaultPort == e.port && $0.metricPrefixes != [] }) {
                return .role(role)
            }
            return lab.appMetrics.isEmpty ? .anything : .app
        }
        switch lab.target(of: e) {
        case .service(let s):
            return producer(ofService: s, in: lab)
        case .loopback:
            if let client = e.client, client.listeningPorts.contains(e.port) { return .role(client.role) }
            return .anything
        case .dockerHost:
            if let s = lab.services.first(where: { $0.publishedPorts[e.port] != nil || $0.compose.ports.contains {
                $0.published?.contains(e.port) ?? false } }) {
                return s.role == .app ? (lab.appMetrics.isEmpty ? .anything : .app) : .role(s.role)
            }
            return lab.appMetrics.isEmpty ? .anything : .app
        case .opaque, .unknown:
            return .anything
        }
    }

    /// What serves the metrics of compose service `s`.
    static func producer(ofService s: LabService, in lab: Lab) -> Producer {
        switch s.role {
        case .app: return lab.appMetrics.isEmpty ? .anything : .app
        case .pushgateway: return lab.appMetrics.isEmpty || lab.appMetrics.isOpenEnded ? .anything : .pushgateway
        default: return s.role.metricPrefixes == nil ? .anything : .role(s.role)
        }
    }

    // MARK: - Open-ended sources, narrowed

    /// What a `/federate` job brings: per `match[]` selector, the names its `__name__` matchers accept;
    /// anything for a selector without one (`{job="fastapi"}` may be any series of the other server).
    static func federated(_ job: ScrapeConfig) -> [Producer] {
        let selectors = job.params.filter { $0.name == "match[]" }.flatMap(\.values)
        guard !selectors.isEmpty else { return [.anything] }
        return selectors.map { text in
            guard case .vectorSelector(let v)? = try? Parser().parseExpr(text) else { return .anything }
            let names = v.matchers.filter { $0.name == "__name__" }
            return names.isEmpty ? .anything : .federated(names)
        }
    }

    /// Whether Prometheus runs with a remote-write (or OTLP) receiver.
    static func acceptsRemoteWrite(_ p: LabService) -> Bool {
        if p.commandFlag("web.enable-remote-write-receiver") != nil
            || (p.compose.command ?? []).contains("--web.enable-remote-write-receiver") {
            return true
        }
        return (p.compose.command ?? []).contains { $0.contains("enable-feature") && $0.contains("receiver") }
    }

    /// Who writes into the receiver: k6 services (image `grafana/k6`, or `K6_PROMETHEUS_RW_*`
    /// settings) write `k6_*`; any other service whose settings name `/api/v1/write`, or no writer found
    /// at all, may write anything.
    static func remoteWriters(in lab: Lab) -> [Producer] {
        var out: [Producer] = []
        for s in lab.services {
            if K6Service.isK6(s) {
                out.append(.k6)
            } else if s.role != .prometheus, s.compose.environment.contains(where: { ($0.value ?? "").contains("/api/v1/write") }) {
                out.append(.anything)
            }
        }
        return out.isEmpty ? [.anything] : out
    }

    /// The producers behind a `docker_sd_configs` job: the compose services labelled for Prometheus
    /// (`prometheus.enable=true`, `prometheus.io/scrape: "true"`…); anything when none is.
    static func dockerDiscovered(in lab: Lab) -> [Producer] {
        let labelled = lab.services.filter { s in
            Self.labels(of: s).contains { $0.key.lowercased().contains("prometheus") || $0.key.contains("scrape") }
        }
        return labelled.isEmpty ? [.anything] : labelled.map { producer(ofService: $0, in: lab) }
    }

    /// A service's `labels:` (a list of `k=v` or a mapping).
    static func labels(of s: LabService) -> [(key: String, value: String)] {
        guard let node = s.compose.node?["labels"] else { return [] }
        if let items = node.sequence {
            return items.compactMap { item in
                guard let text = item.scalarValue else { return nil }
                let parts = text.split(separator: "=", maxSplits: 1)
                return (String(parts.first ?? ""), parts.count > 1 ? String(parts[1]) : "")
            }
        }
        return (node.mapping ?? []).compactMap { pair in
            pair.key.scalarValue.map { ($0, pair.value.scalarValue ?? "") }
        }
    }

    // MARK: - Queries

    /// Whether some job (only `job`, when given and known) can produce `metric`.
    public func canProduce(_ metric: String, job: String?) -> Bool {
        if isOpenEnded || Self.synthetic.contains(metric) || recorded.contains(metric) { return true }
        let producers: [Producer]
        if let job, let only = jobs[job] { producers = only } else { producers = jobs.values.flatMap { $0 } }
        return producers.contains { produces($0, metric) } || remoteWriters.contains { produces($0, metric) }
    }

    func produces(_ producer: Producer, _ metric: String) -> Bool {
        switch producer {
        case .anything: return true
        case .app:
            return app.contains(metric) || Self.matches(LabServiceRole.app.metricPrefixes ?? [], metric)
        case .pushgateway:
            return app.contains(metric) || Self.matches(Self.pushgatewayOwn, metric)
        case .k6:
            return metric.hasPrefix("k6_")
        case .federated(let names):
            return names.allSatisfy { $0.matches(metric) }
        case .role(let role):
            guard let prefixes = role.metricPrefixes else { return true }
            return Self.matches(prefixes, metric)
        }
    }

    static func matches(_ prefixes: [String], _ metric: String) -> Bool {
        prefixes.contains { $0.hasSuffix("_") ? metric.hasPrefix($0) : metric == $0 }
    }

    /// Where `metric` could come from, for messages: the jobs and what they run.
    func describeJobs() -> String {
        jobs.keys.sorted().map { job in
            let what = (jobs[job] ?? []).map { p -> String in
                switch p {
                case .anything: return "anything"
                case .app: return "the app's metrics"
                case .pushgateway: return "Pushgateway (the pushed jobs' metrics)"
                case .k6: return "k6"
                case .federated(let names): return "federated " + names.map(\.description).joined(separator: ",")
                case .role(let r): return r.displayName
                }
            }
            return "\(job) (\(Array(Set(what)).sorted().joined(separator: ", ")))"
        }.joined(separator: ", ")
    }
}
