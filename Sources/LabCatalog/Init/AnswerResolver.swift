import Diagnostics

/// Turns the values a student gave into the complete, valid set a lab's templates need:
/// required parameters must be present, every value must fit its format, and defaults (which may
/// use earlier parameters, `<<labctl:prefix>>_api`) fill the rest.
public struct AnswerResolver: Sendable {
    public let spec: LabSpec

    public init(spec: LabSpec) {
        self.spec = spec
    }

    /// The values to render with; throws a ``CatalogError`` naming every missing or invalid value.
    public func resolve(_ given: [String: String]) throws -> [String: String] {
        var problems: [String] = []
        let known = Set(spec.parameters.map(\.name))
        for name in given.keys.sorted() where !known.contains(name) {
            let hint = Suggestion.didYouMean(name, in: known.sorted())
            problems.append(spec.parameters.isEmpty
                            ? "lab \(spec.id) takes no parameters (got \(name))"
                            : "lab \(spec.id) has no parameter \(name)\(hint)")
        }
        var values: [String: String] = [:]
        for p in spec.parameters {
            if let value = given[p.name] {
                if let problem = p.format.problem(with: value) {
                    problems.append("\(p.name) \"\(value)\" \(problem)")
                } else {
                    values[p.name] = value
                }
            } else if let template = p.defaultValue {
                do {
                    let value = try TemplateRenderer(values: values).render(template, file: "default of \(p.name)")
                    if let problem = p.format.problem(with: value) {
                        problems.append("default \(p.name) \"\(value)\" \(problem); give --set \(p.name)=VALUE")
                    } else {
                        values[p.name] = value
                    }
                } catch where problems.isEmpty {
                    problems.append("cannot compute the default of \(p.name): \(error)")
                } catch {
                    // The default uses a parameter reported above; fixing that one fixes this one.
                    continue
                }
            } else if p.required {
                problems.append("missing \(p.name): \(p.description.en) (--\(p.name) VALUE or --set \(p.name)=VALUE)")
            }
        }
        guard problems.isEmpty else {
            throw CatalogError(problems.count == 1 ? "lab \(spec.id): \(problems[0])"
                               : "lab \(spec.id):\n" + problems.map { "  - \($0)" }.joined(separator: "\n"))
        }
        return values
    }
}
