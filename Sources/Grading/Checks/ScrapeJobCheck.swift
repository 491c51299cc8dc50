import ConfigModel
import Diagnostics
import LabCatalog

/// `scrape_job`: prometheus.yml has the job, and (each a part of the points) the target,
/// metrics_path, scrape_interval, honor_labels, `match[]` selectors (federation) and kind of service
/// discovery the spec asks for.
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
            let shown = names.isEmpty ? context.say("none") : names
            return .failed(Feedback(context.say("\(file) has no scrape job \"\(job)\" (it has: \(shown))"),
                                    location: SourceLocation(file: file, line: 1, column: 1)))
        }
        var total = 1, met = 1
        var feedback: [Feedback] = []
        let at = scrape.jobNameLocation ?? scrape.location
        if let target = check.string("target") {
            total += 1
            let targets = scrape.serviceDiscovery.staticConfigs.flatMap { $0.targets }.map { $0.value }
            if targets.contains(target) { met += 1 } else {
                feedback.append(Feedback(context.say("job \(job) does not target \(target) (targets: \(targets.joined(separator: ", ")))"),
                                         location: at))
            }
        }
        if let path = check.string("metrics_path") {
            total += 1
            if scrape.metricsPath == path { met += 1 } else {
                feedback.append(Feedback(context.say("job \(job) uses metrics_path \(scrape.metricsPath); \(path) is asked"), location: at))
            }
        }
        if let wanted = try check.duration("scrape_interval") {
            total += 1
            let actual = scrape.scrapeInterval.milliseconds
            if actual == wanted { met += 1 } else {
                feedback.append(Feedback(context.say("job \(job) has scrape_interval \(PromModelDuration.format(actual)); \(PromModelDuration.format(wanted)) is asked"),
                                         location: scrape.scrapeIntervalLocation ?? at))
            }
        }
        var more = Self.federationParts(check, scrape, job: job, at: at, context)
        if let kind = check.string("service_discovery") {
            more.total += 1
            let sd = scrape.serviceDiscovery
            let has: Bool
            switch kind {
            case "docker": has = !sd.dockerSDConfigs.isEmpty
            case "file": has = !sd.fileSDConfigs.isEmpty
            default: has = !sd.staticConfigs.isEmpty
            }
            if has { more.met += 1 } else {
                let key = kind == "static" ? "static_configs" : "\(kind)_sd_configs"
                more.feedback.append(Feedback(context.say("job \(job) does not use \(key)"), location: at))
            }
        }
        return .parts(met: met + more.met, of: total + more.total, feedback + more.feedback)
    }

    /// The parts about federation: `honor_labels` and the `match[]` selectors in `params`.
    static func federationParts(_ check: Check, _ scrape: ScrapeConfig, job: String, at: SourceLocation?,
                                _ context: GradingContext) -> (met: Int, total: Int, feedback: [Feedback]) {
        var met = 0, total = 0
        var feedback: [Feedback] = []
        if let honor = check.string("honor_labels") {
            total += 1
            if (honor == "true") == scrape.honorLabels { met += 1 } else {
                feedback.append(Feedback(context.say("job \(job) has honor_labels: \(scrape.honorLabels); \(honor) is asked"), location: at))
            }
        }
        if let wanted = check.list("match") {
            total += 1
            let actual = scrape.params.filter { $0.name == "match[]" }.flatMap(\.values)
            let normalized = Set(actual.map(Self.normalizeSelector))
            let missing = wanted.filter { !normalized.contains(Self.normalizeSelector($0)) }
            if missing.isEmpty { met += 1 } else {
                let shown = actual.isEmpty ? context.say("none") : actual.joined(separator: " ")
                feedback.append(Feedback(context.say("job \(job) does not ask for match[] \(missing.joined(separator: " ")) in params (it has: \(shown))"),
                                         location: at))
            }
        }
        return (met, total, feedback)
    }

    /// A selector without blanks, so `{job = "fastapi"}` is `{job="fastapi"}`.
    static func normalizeSelector(_ s: String) -> String {
        String(s.filter { !$0.isWhitespace })
    }
}
