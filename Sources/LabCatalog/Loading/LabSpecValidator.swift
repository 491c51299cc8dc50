import Diagnostics
import Foundation

/// Cross-checks a decoded ``LabSpec``: every name a check uses must exist (files, scenarios),
/// points must add up, ids must be unique, and every template must exist and render with the
/// parameters' examples.
public struct LabSpecValidator {
    /// Where templates are read from (`templates/`); `nil` skips template checks.
    public var templatesRoot: URL?
    /// The ids of the catalogue's labs, for `builds`; `nil` skips that check.
    public var knownLabs: Set<String>?

    public init(templatesRoot: URL? = nil, knownLabs: Set<String>? = nil) {
        self.templatesRoot = templatesRoot
        self.knownLabs = knownLabs
    }

    /// Every problem found in `spec`.
    public func validate(_ spec: LabSpec) -> [Diagnostic] {
        var out: [Diagnostic] = []
        checkIdentity(spec, &out)
        checkFiles(spec, &out)
        checkParameters(spec, &out)
        checkExercises(spec, &out)
        checkScenarios(spec, &out)
        for c in spec.corrections where spec.file(c.file) == nil {
            out.append(.error(LabSpecDiagnosticCode.unknownFile,
                              "correction is about \"\(c.file)\", which the lab does not produce", at: c.location))
        }
        if templatesRoot != nil {
            checkTemplates(spec, &out)
            checkAnswerKeys(spec, &out)
        }
        checkSpecPlaceholders(spec, &out)
        return out
    }

    // MARK: - Identity

    private func checkIdentity(_ spec: LabSpec, _ out: inout [Diagnostic]) {
        if let problem = IdentifierRules.problem(with: spec.id) {
            out.append(.error(LabSpecDiagnosticCode.invalidValue, "lab id \"\(spec.id)\" \(problem)", at: spec.location))
        }
        if let knownLabs {
            for lab in spec.builds where !knownLabs.contains(lab) {
                out.append(.error(LabSpecDiagnosticCode.unknownLab,
                                  "builds on unknown lab \"\(lab)\"\(Suggestion.didYouMean(lab, in: knownLabs.sorted()))",
                                  at: spec.location))
            }
        }
    }

    // MARK: - Files

    private func checkFiles(_ spec: LabSpec, _ out: inout [Diagnostic]) {
        var seen: [String: SourceLocation] = [:]
        for file in spec.files {
            if let first = seen[file.path] {
                out.append(.error(LabSpecDiagnosticCode.duplicate, "file \"\(file.path)\" is listed twice",
                                  at: file.location, notes: [.init("first listed here", at: first)]))
            }
            seen[file.path] = seen[file.path] ?? file.location
            if let problem = PathRules.problem(with: file.path) {
                out.append(.error(LabSpecDiagnosticCode.badPath, "file path \"\(file.path)\" \(problem)", at: file.location))
            }
            if let problem = PathRules.problem(with: file.template) {
                out.append(.error(LabSpecDiagnosticCode.badPath, "template path \"\(file.template)\" \(problem)",
                                  at: file.location))
            }
        }
    }

    private func checkTemplates(_ spec: LabSpec, _ out: inout [Diagnostic]) {
        guard let root = templatesRoot else { return }
        var values: [String: String] = [:]
        for p in spec.parameters { values[p.name] = p.example }
        let renderer = TemplateRenderer(values: values)
        for file in spec.files where PathRules.problem(with: file.template) == nil {
            let url = root.appendingPathComponent(file.template)
            if file.kind == .image {
                // Copied verbatim, never rendered: it must exist and be small.
                let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
                if size == nil {
                    out.append(.error(LabSpecDiagnosticCode.missingTemplate,
                                      "template \"\(file.template)\" for \(file.path) does not exist", at: file.location))
                } else if let size, size > LabWriter.maxFileBytes {
                    out.append(.error(LabSpecDiagnosticCode.templateError,
                                      "template \"\(file.template)\" is larger than \(LabWriter.maxFileBytes) bytes", at: file.location))
                }
                continue
            }
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                out.append(.error(LabSpecDiagnosticCode.missingTemplate,
                                  "template \"\(file.template)\" for \(file.path) does not exist", at: file.location))
                continue
            }
            do {
                _ = try renderer.render(text, file: url.path)
            } catch let error as TemplateError {
                out.append(error.diagnostic)
            } catch {
                out.append(.error(LabSpecDiagnosticCode.templateError, "\(error)", at: file.location))
            }
        }
    }

    /// Check parameters and scenario series may use the student's values (`<<labctl:prefix>>_requests_total`);
    /// they must render with the parameters' examples.
    private func checkSpecPlaceholders(_ spec: LabSpec, _ out: inout [Diagnostic]) {
        var values: [String: String] = [:]
        for p in spec.parameters { values[p.name] = p.example }
        let renderer = TemplateRenderer(values: values)
        func probe(_ text: String, at location: SourceLocation) {
            guard text.contains(TemplateRenderer.opening) else { return }
            do {
                _ = try renderer.render(text, file: location.file)
            } catch let error as TemplateError {
                out.append(.error(error.code, error.message, at: location))
            } catch {
                out.append(.error(LabSpecDiagnosticCode.templateError, "\(error)", at: location))
            }
        }
        for exercise in spec.exercises {
            for check in exercise.checks {
                for (name, value) in check.parameters {
                    let at = check.parameterLocations[name] ?? check.location
                    switch value {
                    case .string(let s): probe(s, at: at)
                    case .list(let items): items.forEach { probe($0, at: at) }
                    case .map(let entries): entries.forEach { probe($0.key, at: at); probe($0.value, at: at) }
                    }
                }
            }
        }
        for scenario in spec.scenarios {
            for series in scenario.series { probe(series.series, at: series.location) }
        }
    }

    // MARK: - Parameters

    private func checkParameters(_ spec: LabSpec, _ out: inout [Diagnostic]) {
        var seen = Set<String>()
        for p in spec.parameters {
            if !seen.insert(p.name).inserted {
                out.append(.error(LabSpecDiagnosticCode.duplicate, "parameter \"\(p.name)\" is declared twice", at: p.location))
            }
            if let problem = p.format.problem(with: p.example) {
                out.append(.error(LabSpecDiagnosticCode.invalidValue,
                                  "example \"\(p.example)\" of parameter \(p.name) \(problem)", at: p.location))
            }
            if p.required, p.defaultValue != nil {
                out.append(.warning(LabSpecDiagnosticCode.invalidValue,
                                    "required parameter \(p.name) has a default that is never used", at: p.location))
            }
        }
    }

    // MARK: - Exercises and checks

    private func checkExercises(_ spec: LabSpec, _ out: inout [Diagnostic]) {
        var ids: [String: SourceLocation] = [:]
        var total = 0
        for exercise in spec.exercises {
            if let first = ids[exercise.id] {
                out.append(.error(LabSpecDiagnosticCode.duplicate, "exercise id \"\(exercise.id)\" is used twice",
                                  at: exercise.location, notes: [.init("first used here", at: first)]))
            }
            ids[exercise.id] = ids[exercise.id] ?? exercise.location
            total = total.addingReportingOverflow(exercise.points).partialValue
            var sum = 0
            for check in exercise.checks {
                sum = sum.addingReportingOverflow(check.points).partialValue
                checkReferences(check, in: spec, &out)
            }
            if exercise.checks.isEmpty {
                out.append(.error(LabSpecDiagnosticCode.pointsMismatch,
                                  "exercise \(exercise.id) has no checks", at: exercise.location))
            } else if sum != exercise.points {
                out.append(.error(LabSpecDiagnosticCode.pointsMismatch,
                                  "the checks of exercise \(exercise.id) add up to \(sum) points, but it declares \(exercise.points)",
                                  at: exercise.location))
            }
        }
        if total != spec.totalPoints {
            out.append(.error(LabSpecDiagnosticCode.pointsMismatch,
                              "the exercises add up to \(total) points, but total_points is \(spec.totalPoints)",
                              at: spec.location))
        }
    }

    private func checkReferences(_ check: Check, in spec: LabSpec, _ out: inout [Diagnostic]) {
        for parameter in check.kind.parameters {
            guard let value = check.string(parameter.name) else { continue }
            let at = check.parameterLocations[parameter.name] ?? check.location
            switch parameter.type {
            case .file(let kinds):
                guard let file = spec.file(value) else {
                    let paths = spec.files.map(\.path)
                    out.append(.error(LabSpecDiagnosticCode.unknownFile,
                                      "\(check.kind.rawValue) check names file \"\(value)\", which the lab does not produce\(Suggestion.didYouMean(value, in: paths))",
                                      at: at))
                    continue
                }
                if let kinds, !kinds.contains(file.kind) {
                    out.append(.error(LabSpecDiagnosticCode.wrongFileKind,
                                      "\(check.kind.rawValue) check needs a \(kinds.map(\.rawValue).joined(separator: " or ")) file; \"\(value)\" is \(file.kind.rawValue)",
                                      at: at))
                }
            case .scenario:
                if spec.scenario(value) == nil {
                    let names = spec.scenarios.map(\.name)
                    out.append(.error(LabSpecDiagnosticCode.unknownScenario,
                                      "unknown scenario \"\(value)\"\(Suggestion.didYouMean(value, in: names))", at: at))
                }
            default:
                continue
            }
        }
    }

    // MARK: - Scenarios

    private func checkScenarios(_ spec: LabSpec, _ out: inout [Diagnostic]) {
        var used = Set<String>()
        for exercise in spec.exercises {
            for check in exercise.checks {
                for p in check.kind.parameters where p.type == .scenario {
                    if let name = check.string(p.name) { used.insert(name) }
                }
            }
        }
        var seen = Set<String>()
        for scenario in spec.scenarios {
            if !seen.insert(scenario.name).inserted {
                out.append(.error(LabSpecDiagnosticCode.duplicate, "scenario \"\(scenario.name)\" is defined twice",
                                  at: scenario.location))
            }
            if scenario.series.isEmpty {
                out.append(.error(LabSpecDiagnosticCode.invalidValue, "scenario \(scenario.name) has no series",
                                  at: scenario.location))
            }
            if !used.contains(scenario.name) {
                out.append(.warning(LabSpecDiagnosticCode.unusedScenario,
                                    "scenario \(scenario.name) is not used by any check", at: scenario.location))
            }
        }
    }
}
