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
    private var scenarios: [String: ScenarioData] = [:]
    private var ruleRuns: [String: RuleScenarioRun] = [:]

    public init(spec: LabSpec, submission: Submission, language: GradingLanguage, values: [String: String],
                queryTimeout: Double = 10) {
        self.spec = spec
        self.submission = submission
        self.language = language
        self.values = values
        self.queryTimeout = queryTimeout
    }

    /// Spanish or English.
    public func say(_ es: String, _ en: String) -> String { language.say(es, en) }

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

    /// The embedded engine over the scenario alone.
    public func backend(_ scenario: ScenarioData) throws -> EmbeddedQueryBackend {
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
            out.append(Feedback(say("… y \(errors.count - limit) errores más", "… and \(errors.count - limit) more errors")))
        }
        return out
    }
}
