import ConfigModel
import Diagnostics
import LabCatalog

/// `scrape_job`: prometheus.yml has the job, and (each a part of the points) the target,
/// metrics_path and scrape_interval the spec asks for.
public struct ScrapeJobCheck: CheckEvaluator {
    public static let kind = CheckKind.scrapeJob
    public init() {}

    public func evaluate(_ check: Check, in context: GradingContext) throws -> CheckVerdict {
        let file = try check.required("file"), job = try check.required("job")
        let text: String
        switch context.read(file) {
        case .failure(let verdict): return verdict
        case .success(let t): text = t
        }
        let loaded = PrometheusConfig.parse(text, file: file)
        guard let config = loaded.value else {
            return .failed(context.feedback(loaded.diagnostics))
        }
        guard let scrape = config.scrapeConfigs.first(where: { $0.jobName == job }) else {
            let names = config.scrapeConfigs.map(\.jobName).joined(separator: ", ")
            return .failed(Feedback(context.say("\(file) no tiene un scrape job \"\(job)\" (tiene: \(names.isEmpty ? "ninguno" : names))",
                                                "\(file) has no scrape job \"\(job)\" (it has: \(names.isEmpty ? "none" : names))"),
                                    location: SourceLocation(file: file, line: 1, column: 1)))
        }
        var total = 1, met = 1
        var feedback: [Feedback] = []
        let at = scrape.jobNameLocation ?? scrape.location
        if let target = check.string("target") {
            total += 1
            let targets = scrape.serviceDiscovery.staticConfigs.flatMap { $0.targets }.map { $0.value }
            if targets.contains(target) { met += 1 } else {
                feedback.append(Feedback(context.say("el job \(job) no apunta a \(target) (apunta a: \(targets.joined(separator: ", ")))",
                                                     "job \(job) does not target \(target) (targets: \(targets.joined(separator: ", ")))"),
                                         location: at))
            }
        }
        if let path = check.string("metrics_path") {
            total += 1
            if scrape.metricsPath == path { met += 1 } else {
                feedback.append(Feedback(context.say("el job \(job) usa metrics_path \(scrape.metricsPath); se pide \(path)",
                                                     "job \(job) uses metrics_path \(scrape.metricsPath); \(path) is asked"), location: at))
            }
        }
        if let wanted = try check.duration("scrape_interval") {
            total += 1
            let actual = scrape.scrapeInterval.milliseconds
            if actual == wanted { met += 1 } else {
                feedback.append(Feedback(context.say("el job \(job) tiene scrape_interval \(PromModelDuration.format(actual)); se pide \(PromModelDuration.format(wanted))",
                                                     "job \(job) has scrape_interval \(PromModelDuration.format(actual)); \(PromModelDuration.format(wanted)) is asked"),
                                         location: scrape.scrapeIntervalLocation ?? at))
            }
        }
        return .parts(met: met, of: total, feedback)
    }
}
