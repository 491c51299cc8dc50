import ConfigModel
import Diagnostics
import LabCatalog
import PromModel
import Runtime

/// What the checks of one submission share: the submission, the lab, the language, the student's
/// values, and the scenarios expanded once.
public final class GradingContext {
    public let spec: LabSpec
    public let submission: Submission
    public let language: GradingLanguage
    /// The student's values (`prefix`, `domain` …) substituted into checks and scenarios.
    public let values: [String: String]
    /// Seconds one query may take.
    public let queryTimeout: Double
    /// The running Prometheus the query checks ask instead of the embedded engine (`--prometheus`),
    /// holding the lab's scenarios as ``timeline`` places them.
    public let prometheus: PrometheusQueryBackend?
    /// Where each scenario lives on ``prometheus``.
    public let timeline: ScenarioTimeline
    private var scenarios: [String: ScenarioData] = [:]
    private var ruleRuns: [String: RuleScenarioRun] = [:]

    public init(spec: LabSpec, submission: Submission, language: GradingLanguage, values: [String: String],
                queryTimeout: Double = 10, prometheus: PrometheusQueryBackend? = nil) {
        self.prometheus = prometheus
        timeline = ScenarioTimeline(spec)
        self.spec = spec
        self.submission = submission
        self.language = language
        self.values = values
        self.queryTimeout = queryTimeout
    }

    /// `english` in the student's language, from the message catalogue (``Language/say(_:)``).
    public func say(_ english: String) -> String { language.say(english) }

    /// The scenario called `name`, expanded (cached).
    public func scenario(_ name: String, for check: Check) throws -> ScenarioData {
        if let cached = scenarios[name] { return cached }
        guard let scenario = spec.scenario(name) else {
            throw GraderError("unknown scenario \(name)", location: check.parameterLocations["scenario"] ?? check.location)
        }
        let data = try ScenarioData(scenario, values: values)
        scenarios[name] = data
        return data
    }

    /// The engine over the scenario alone: the Prometheus of ``prometheus`` at the scenario's slot
    /// when there is one, else the embedded engine.
    public func backend(_ scenario: ScenarioData) throws -> any QueryBackend {
        if let prometheus { return prometheus.shifted(to: timeline.offset(scenario.name)) }
        return try embeddedBackend(scenario)
    }

    /// The embedded engine over the scenario alone.
    public func embeddedBackend(_ scenario: ScenarioData) throws -> EmbeddedQueryBackend {
        do {
            return EmbeddedQueryBackend(storage: try scenario.storage(), timeout: queryTimeout)
        } catch {
            throw GraderError("scenario \(scenario.name) cannot be loaded: \(error)")
        }
    }

    /// The student's rule file evaluated over the scenario (cached per file and scenario).
    public func ruleRun(file: String, scenario: ScenarioData) throws -> RuleScenarioRun {
        let key = file + "\u{0}" + scenario.name
        if let cached = ruleRuns[key] { return cached }
        let run = RuleScenarioRun(file: file, scenario: scenario, submission: submission, timeout: queryTimeout)
        ruleRuns[key] = run
        return run
    }

    /// Where a recording rule's expression runs: on ``prometheus`` when the expression only reads
    /// scenario series, else on the rule run's store (the remote server never ran the student's rules,
    /// so series recorded by the same file exist only there).
    public func recordedBackend(_ run: RuleScenarioRun, expr: String) throws -> any QueryBackend {
        if prometheus != nil, let ruleFile = run.ruleFile, !RemoteAlertTimeline.usesRecordedSeries(expr, of: ruleFile) {
            return try backend(run.scenario)
        }
        return EmbeddedQueryBackend(storage: run.storage, timeout: queryTimeout)
    }

    /// The history of alert `rule` on the run's scenario: computed on ``prometheus`` when there is one
    /// and the rule can run there (see ``RemoteAlertTimeline``), else the embedded rule run's.
    public func alertTimelines(_ run: RuleScenarioRun, rule: Rule) throws -> [RuleScenarioRun.AlertTimeline] {
        if prometheus != nil, let ruleFile = run.ruleFile,
           let remote = try RemoteAlertTimeline.timelines(for: rule, in: ruleFile, scenario: run.scenario, backend: try backend(run.scenario)) {
            return remote
        }
        return run.alerts[rule.name] ?? []
    }

    /// The text of a submission file, or a failed verdict saying why it cannot be read.
    public func read(_ file: String) -> Result<String, CheckVerdict> {
        do {
            return .success(try submission.text(file))
        } catch let error as SubmissionError {
            return .failure(.failed(Feedback(error.message(language), location: SourceLocation(file: file, line: 1, column: 1))))
        } catch {
            return .failure(.failed(Feedback("\(error)")))
        }
    }

    /// Up to `limit` error diagnostics as feedback.
    public func feedback(_ diagnostics: [Diagnostic], limit: Int = 3) -> [Feedback] {
        let errors = diagnostics.filter { $0.severity == .error }
        var out = errors.prefix(limit).map { Feedback($0.message, location: $0.location) }
        if errors.count > limit {
            out.append(Feedback(say("… and \(errors.count - limit) more errors")))
        }
        return out
    }
}
