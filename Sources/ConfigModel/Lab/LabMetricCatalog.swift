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
        /// Unknown: any metric may come from it.
        case anything
    }

    /// Producers per job name.
    public var jobs: [String: [Producer]] = [:]
    /// Names recorded by recording rules.
    public var recorded: Set<String> = []
    public var app: AppMetricCatalog
    /// Whether data can arrive by other means than scraping (remote write receiver, federation).
    public var isOpenEnded = false

    /// Series Prometheus writes itself.
    public static let synthetic: Set<String> = [
        "up", "scrape_duration_seconds", "scrape_samples_scraped", "scrape_samples_post_metric_relabeling",
        "scrape_series_added", "scrape_timeout_seconds", "scrape_sample_limit", "scrape_body_size_bytes",
        "ALERTS", "ALERTS_FOR_STATE",
    ]

    public init(lab: Lab) {
        app = lab.appMetrics
        recorded = Set(lab.rules.filter { $0.rule.kind == .recording }.map(\.rule.name))
        if let p = lab.service(role: .prometheus), ["web.enable-remote-write-receiver", "enable-feature"].contains(where: {
            p.commandFlag($0) != nil || (p.compose.command ?? []).contains("--\($0)")
        }) {
            isOpenEnded = true
        }
        guard let config = lab.prometheus?.value else { return }
        let endpoints = lab.endpoints
        for job in config.scrapeConfigs {
            let sd = job.serviceDiscovery
            if !sd.fileSDConfigs.isEmpty || !sd.dockerSDConfigs.isEmpty || !sd.otherKinds.isEmpty
                || job.metricsPath.contains("federate") {
                jobs[job.jobName, default: []].append(.anything)
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
            if s.role == .app { return lab.appMetrics.isEmpty ? .anything : .app }
            return s.role.metricPrefixes == nil ? .anything : .role(s.role)
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

    // MARK: - Queries

    /// Whether some job (only `job`, when given and known) can produce `metric`.
    public func canProduce(_ metric: String, job: String?) -> Bool {
        if isOpenEnded || Self.synthetic.contains(metric) || recorded.contains(metric) { return true }
        let producers: [Producer]
        if let job, let only = jobs[job] { producers = only } else { producers = jobs.values.flatMap { $0 } }
        return producers.contains { produces($0, metric) }
    }

    func produces(_ producer: Producer, _ metric: String) -> Bool {
        switch producer {
        case .anything: return true
        case .app:
            return app.contains(metric) || Self.matches(LabServiceRole.app.metricPrefixes ?? [], metric)
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
                case .role(let r): return r.displayName
                }
            }
            return "\(job) (\(Array(Set(what)).sorted().joined(separator: ", ")))"
        }.joined(separator: ", ")
    }
}
