import LabCatalog

/// Evaluates one kind of check on a submission. Each kind is one small type; ``CheckRegistry`` maps
/// kinds to them. Evaluators never throw at the student: a problem of the submission is a failed
/// verdict with feedback, a problem of the spec is thrown as ``GraderError``.
public protocol CheckEvaluator: Sendable {
    /// The kind this evaluator grades.
    static var kind: CheckKind { get }
    init()
    func evaluate(_ check: Check, in context: GradingContext) throws -> CheckVerdict
}

extension Check {
    /// A required string parameter, or a grader error naming it.
    func required(_ name: String) throws -> String {
        guard let value = string(name), !value.isEmpty else {
            throw GraderError("check \(kind.rawValue) needs the parameter \(name)", location: location)
        }
        return value
    }

    /// A duration parameter in milliseconds.
    func duration(_ name: String) throws -> Int64? {
        guard let text = string(name) else { return nil }
        do {
            return try PromModelDuration.parse(text)
        } catch {
            throw GraderError("check \(kind.rawValue): \(name) \"\(text)\" is not a duration", location: parameterLocations[name] ?? location)
        }
    }

    /// A number parameter.
    func number(_ name: String) throws -> Double? {
        guard let text = string(name) else { return nil }
        guard let value = Double(text), value.isFinite else {
            throw GraderError("check \(kind.rawValue): \(name) \"\(text)\" is not a number", location: parameterLocations[name] ?? location)
        }
        return value
    }
}
