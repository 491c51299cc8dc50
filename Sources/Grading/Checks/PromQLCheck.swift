import Diagnostics
import LabCatalog
import PromQL
import YAML

/// `promql`: the student's query (at `key` of the answers file) gives the reference's result on the
/// scenario, compared as sets of labelled values at several times and as a range.
public struct PromQLCheck: CheckEvaluator {
    public static let kind = CheckKind.promql
    public init() {}

    public func evaluate(_ check: Check, in context: GradingContext) throws -> CheckVerdict {
        let file = try check.required("answer"), key = try check.required("key"), reference = try check.required("reference")
        let scenario = try context.scenario(try check.required("scenario"), for: check)
        let text: String
        switch context.read(file) {
        case .failure(let verdict): return verdict
        case .success(let t): text = t
        }
        let answer: (query: String, location: SourceLocation)
        switch AnswerFile.answer(key, in: text, file: file, language: context.language) {
        case .failure(let feedback): return .failed(feedback)
        case .success(let a): answer = a
        }
        if case .failure(let feedback) = AnswerFile.parse(answer.query, at: answer.location, language: context.language) {
            return .failed(feedback)
        }
        do { _ = try Parser().parseExpr(reference) } catch {
            throw GraderError("reference \(reference) does not parse: \(error)", location: check.parameterLocations["reference"])
        }
        let comparison = QueryComparison(backend: try context.backend(scenario), scenario: scenario,
                                         tolerance: ValueTolerance(try check.number("tolerance") ?? 1e-6), language: context.language)
        let result = try comparison.compare(answer: answer.query, reference: reference, at: try check.duration("at"))
        guard var feedback = result.feedback else { return .passed(chart: result.chart) }
        feedback.location = answer.location
        return .failed([feedback], chart: result.chart)
    }
}
