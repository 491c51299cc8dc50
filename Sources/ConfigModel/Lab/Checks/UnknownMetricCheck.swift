import Diagnostics

/// A dashboard or rule that queries a metric no scrape job of the lab produces: a typo
/// (`http_request_total`), a metric from another lab, or an exporter that is not scraped. The panel
/// stays empty and the alert never fires.
///
/// What each job produces is known from its targets: node_exporter `node_*`, cAdvisor `container_*`,
/// Prometheus `prometheus_*`, the app's metrics as declared in its Python sources (`Counter('name', …)`
/// with the client's `_total`/`_bucket`/`_sum`/`_count` suffixes), plus `up`, `scrape_*`, `ALERTS` and
/// recording-rule outputs. Jobs labctl cannot see into (file_sd, unknown images) match anything.
///
/// Triggers: `rate(nginx_http_requests_total[5m])` in a dashboard of a lab that scrapes no nginx
/// exporter (warning at the selector). Does not trigger: `node_load1` with a node_exporter job;
/// `job:http_requests:rate5m` recorded by a rule.
public struct UnknownMetricCheck: LabWiringCheck {
    public static let code = "lab/unknown-metric"
    public static let summary = "a dashboard or rule queries a metric that no scrape job of the lab produces"
    public static let isLint = true

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        guard lab.prometheus != nil else { return [] }
        let catalog = LabMetricCatalog(lab: lab)
        var known = Set(catalog.app.names).union(catalog.recorded)
        for refs in lab.queryReferences where catalog.canProduce(refs.metric, job: nil) { known.insert(refs.metric) }
        return lab.queryReferences.compactMap { ref in
            guard !catalog.canProduce(ref.metric, job: ref.job) else { return nil }
            var message = "\(ref.context) queries \(ref.metric)"
            if let job = ref.job, catalog.jobs[job] != nil, catalog.canProduce(ref.metric, job: nil) {
                message += " with job=\"\(job)\", but job \(job) does not produce it"
            } else {
                message += ", which no scrape job produces (jobs: \(catalog.describeJobs()))"
            }
            message += Suggestion.didYouMean(ref.metric, in: known.subtracting([ref.metric]).sorted())
            return .warning(Self.code, message, at: ref.location)
        }
    }
}
