import Foundation
import LabCatalog

/// Grades a submission against a lab: every check of every exercise runs, even after one fails.
public struct Grader: Sendable {
    public let spec: LabSpec
    public var options: GraderOptions

    /// A grader of `spec`; the student's values are completed with the parameters' defaults
    /// (`business_counter` from `entity` …) as `labctl init` completes them.
    public init(spec: LabSpec, options: GraderOptions = GraderOptions()) {
        self.spec = spec
        self.options = options
        if !spec.parameters.isEmpty, let resolved = try? AnswerResolver(spec: spec).resolve(options.values) {
            self.options.values = resolved
        }
    }

    /// The report for the submission folder `path`; throws ``SubmissionError`` when it cannot be
    /// graded at all (missing, not a folder).
    public func grade(submission path: String) throws -> GradeReport {
        let submission = try Submission(path: path)
        let context = GradingContext(spec: spec, submission: submission, language: options.language,
                                     values: options.values, queryTimeout: options.queryTimeout,
                                     prometheus: options.prometheusURL.map { PrometheusQueryBackend(baseURL: $0, timeout: options.queryTimeout) })
        var exercises: [ExerciseResult] = []
        for exercise in spec.exercises where options.exercise == nil || options.exercise == exercise.id {
            var results: [CheckResult] = []
            for (n, raw) in exercise.checks.enumerated() {
                let id = raw.id ?? "\(exercise.id).\(n + 1)"
                if let only = options.check, only != id { continue }
                let check = SpecValues.substitute(raw, options.values)
                results.append(run(check, id: id, context: context))
            }
            if !results.isEmpty || options.check == nil {
                exercises.append(ExerciseResult(id: exercise.id, title: exercise.title.text(options.language.catalogLanguage), checks: results))
            }
        }
        return GradeReport(lab: spec.id, labTitle: spec.title.text(options.language.catalogLanguage), student: options.student,
                           submission: path, language: options.language.rawValue, exercises: exercises)
    }

    func run(_ check: Check, id: String, context: GradingContext) -> CheckResult {
        let title = check.description?.text(options.language.catalogLanguage) ?? Self.title(check)
        let max = Double(check.points)
        guard let evaluator = CheckRegistry.evaluator(for: check.kind) else {
            let evidence = check.string("evidence") ?? ""
            return CheckResult(id: id, kind: check.kind.rawValue, title: title.isEmpty ? evidence : title, outcome: .manual,
                               points: 0, maxPoints: max, hidden: check.hidden,
                               feedback: [Feedback(context.say("to be graded by the instructor: \(evidence)"))],
                               specLocation: check.location)
        }
        let verdict: CheckVerdict
        do {
            verdict = try evaluator.evaluate(check, in: context)
        } catch let error as GraderError {
            verdict = .graderError(error)
        } catch {
            verdict = .graderError(GraderError("\(error)", location: check.location))
        }
        let points = (verdict.score * max * 100).rounded() / 100
        return CheckResult(id: id, kind: check.kind.rawValue, title: title, outcome: verdict.outcome, points: points,
                           maxPoints: max, hidden: check.hidden, feedback: verdict.feedback, chart: verdict.chart,
                           specLocation: check.location)
    }

    /// A title from the parameters when the spec gives no description.
    static func title(_ check: Check) -> String {
        let keys = ["alert", "record", "key", "job", "service", "metric", "title", "name", "url", "text", "file", "path"]
        let subject = keys.compactMap { check.string($0) }.first ?? ""
        var extra = ""
        if let scenario = check.string("scenario") { extra = " (\(scenario))" }
        if let labels = check.map("labels") { extra = " {" + labels.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + "}" }
        return "\(check.kind.rawValue) \(subject)\(extra)"
    }
}
