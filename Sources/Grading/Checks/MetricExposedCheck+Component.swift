import ConfigModel
import Diagnostics
import LabCatalog
import PromModel

/// `metric_exposed` for a metric a component the student does not write produces (an exporter,
/// k6): the student's part is the wiring that brings it into Prometheus, so that is what is graded.
/// The check's scenario says where the metric comes from:
/// - a series with `job` and `instance` labels is scraped: prometheus.yml must have that job and
///   target it at that instance (each a part of the points);
/// - a series without `job` is pushed by remote write: Prometheus must accept remote writes
///   (`--web.enable-remote-write-receiver` in the lab's compose file).
extension MetricExposedCheck {
    func componentVerdict(_ metric: String, labels: Labels, in context: GradingContext) -> CheckVerdict {
        if let job = labels["job"] { return scrapedVerdict(metric, job: job, instance: labels["instance"], in: context) }
        return pushedVerdict(metric, in: context)
    }

    private func scrapedVerdict(_ metric: String, job: String, instance: String?, in context: GradingContext) -> CheckVerdict {
        guard let file = context.spec.files.first(where: { $0.kind == .prometheusConfig })?.path else {
            return .failed(Feedback(context.say("the lab has no prometheus.yml to collect \(metric)")))
        }
        let text: String
        switch context.read(file) {
        case .failure(let verdict): return verdict
        case .success(let t): text = t
        }
        let loaded = PrometheusConfig.parse(text, file: file)
        guard let config = loaded.value else { return .failed(context.feedback(loaded.diagnostics)) }
        guard let scrape = config.scrapeConfigs.first(where: { $0.jobName == job }) else {
            return .failed(Feedback(context.say("\(metric) reaches Prometheus through the job \"\(job)\", which \(file) lacks"),
                                    location: SourceLocation(file: file, line: 1, column: 1)))
        }
        guard let instance else { return .passed() }
        let targets = scrape.serviceDiscovery.staticConfigs.flatMap { $0.targets }.map { $0.value }
        if targets.contains(instance) { return .parts(met: 2, of: 2, []) }
        return .parts(met: 1, of: 2, [Feedback(
            context.say("\(metric) is exposed by \(instance), but job \(job) targets \(targets.joined(separator: ", "))"),
            location: scrape.jobNameLocation ?? scrape.location)])
    }

    private func pushedVerdict(_ metric: String, in context: GradingContext) -> CheckVerdict {
        guard let file = context.spec.files.first(where: { $0.kind == .compose })?.path else {
            return .failed(Feedback(context.say("the lab has no docker-compose.yml starting Prometheus")))
        }
        let text: String
        switch context.read(file) {
        case .failure(let verdict): return verdict
        case .success(let t): text = t
        }
        let receivers = ["--web.enable-remote-write-receiver", "--enable-feature=remote-write-receiver"]
        if receivers.contains(where: { text.contains($0) }) { return .passed() }
        return .failed(Feedback(context.say("\(metric) arrives by remote write, but the Prometheus of \(file) does not accept remote writes (--web.enable-remote-write-receiver is missing)"),
                                location: SourceLocation(file: file, line: 1, column: 1)))
    }
}
