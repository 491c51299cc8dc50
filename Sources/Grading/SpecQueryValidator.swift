import Diagnostics
import LabCatalog
import PromQL

/// What `labctl check lab-spec` adds for grading: every reference query parses and is an instant
/// vector or scalar, and every scenario expands (so a broken reference is caught before a class is
/// graded, not as grader errors in every report). Parameters get their example values first.
public enum SpecQueryValidator {
    public static let badReference = "lab-spec/bad-reference"
    public static let badScenario = "lab-spec/bad-scenario"

    public static func validate(_ spec: LabSpec) -> [Diagnostic] {
        var values: [String: String] = [:]
        for p in spec.parameters { values[p.name] = p.defaultValue ?? p.example }
        var out: [Diagnostic] = []
        for exercise in spec.exercises {
            for check in exercise.checks {
                guard let raw = check.string("reference") else { continue }
                let reference = SpecValues.substitute(raw, values)
                let at = check.parameterLocations["reference"] ?? check.location
                do {
                    let expr = try Parser().parseExpr(reference)
                    if expr.type != .vector && expr.type != .scalar {
                        out.append(Diagnostic(.error, code: badReference,
                                              "reference \(raw) is a \(expr.type.documentedName), not an instant vector or scalar", at: at))
                    }
                } catch {
                    out.append(Diagnostic(.error, code: badReference, "reference \(raw) does not parse: \(error)", at: at))
                }
            }
        }
        for scenario in spec.scenarios {
            do {
                _ = try ScenarioData(scenario, values: values)
            } catch let error as GraderError {
                out.append(Diagnostic(.error, code: badScenario, error.message, at: error.location ?? scenario.location))
            } catch {
                out.append(Diagnostic(.error, code: badScenario, "\(error)", at: scenario.location))
            }
        }
        return out
    }
}
