import Diagnostics
import Foundation

/// Checks a lab's starter and seeded defects against its templates (`labctl check lab-spec`):
///
/// - every `starter.yaml` patch names a file of the lab and its `replace` text occurs exactly once
///   in that file's template; the starter renders with the parameters' examples;
/// - every `defects.yaml` patch applies to the reference solution rendered with the examples (its
///   `replace` text occurs exactly once, in order), and a defect's `loses` is at most the points of
///   the checks about the files it patches;
/// - check ids are unique within the lab.
public struct LabVariantValidator {
    /// Where templates are read from (`templates/`).
    public var templatesRoot: URL

    public init(templatesRoot: URL) {
        self.templatesRoot = templatesRoot
    }

    /// Every problem of `spec`'s `starter.yaml` and `defects.yaml` in `labFolder`.
    public func validate(_ spec: LabSpec, labFolder: URL) -> [Diagnostic] {
        var out = checkIDs(spec)
        var values: [String: String] = [:]
        for p in spec.parameters { values[p.name] = p.example }
        let (patches, starterDiagnostics) = Catalog.loadStarter(at: labFolder.appendingPathComponent("starter.yaml"))
        out += starterDiagnostics
        out += checkStarter(spec, patches, values: values)
        let (defects, defectDiagnostics) = Catalog.loadDefects(at: labFolder.appendingPathComponent("defects.yaml"))
        out += defectDiagnostics
        if !defects.isEmpty, let solution = render(spec, values: values) {
            for defect in defects { out += checkDefect(defect, spec: spec, solution: solution) }
        }
        return out
    }

    // MARK: - Check ids

    private func checkIDs(_ spec: LabSpec) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]
        for exercise in spec.exercises {
            for (n, check) in exercise.checks.enumerated() {
                let id = check.id ?? "\(exercise.id).\(n + 1)"
                if let first = seen[id] {
                    out.append(.error(LabSpecDiagnosticCode.duplicateCheckID, "check id \"\(id)\" is used twice",
                                      at: check.location, notes: [.init("first used here", at: first)]))
                } else {
                    seen[id] = check.location
                }
            }
        }
        return out
    }

    // MARK: - Starter

    private func checkStarter(_ spec: LabSpec, _ patches: [LabPatch], values: [String: String]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var texts: [String: String] = [:]
        for patch in patches {
            guard let file = spec.file(patch.file) else {
                out.append(.error(LabSpecDiagnosticCode.badStarter,
                                  "starter patch names \"\(patch.file)\", which the lab does not produce"
                                  + Suggestion.didYouMean(patch.file, in: spec.files.map(\.path)),
                                  at: patch.location))
                continue
            }
            if file.kind == .image && !patch.delete {
                out.append(.error(LabSpecDiagnosticCode.badStarter, "\(patch.file) is binary; a starter may only delete it",
                                  at: patch.location))
                continue
            }
            guard !patch.delete, file.kind != .image else { continue }
            guard let text = texts[patch.file] ?? template(file) else { continue }
            do {
                texts[patch.file] = try patch.apply(to: text, what: "templates/" + file.template)
            } catch let error as CatalogError {
                out.append(.error(LabSpecDiagnosticCode.badStarter, strip(error.message, patch), at: patch.location))
            } catch {
                out.append(.error(LabSpecDiagnosticCode.badStarter, "\(error)", at: patch.location))
            }
        }
        let renderer = TemplateRenderer(values: values)
        for (path, text) in texts.sorted(by: { $0.key < $1.key }) {
            guard let file = spec.file(path) else { continue }
            do {
                _ = try renderer.render(text, file: "starter of " + file.path)
            } catch {
                let at = patches.first { $0.file == path }?.location
                out.append(.error(LabSpecDiagnosticCode.badStarter, "the starter of \(path) does not render: \(error)", at: at))
            }
        }
        return out
    }

    // MARK: - Defects

    private func checkDefect(_ defect: LabDefect, spec: LabSpec,
                             solution: [(path: String, content: String)]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var files = solution
        for patch in defect.patch {
            guard let index = files.firstIndex(where: { $0.path == patch.file }) else {
                out.append(.error(LabSpecDiagnosticCode.badDefect,
                                  "defect \(defect.id) patches \"\(patch.file)\", which is not a text file of the solution"
                                  + Suggestion.didYouMean(patch.file, in: solution.map(\.path)),
                                  at: patch.location))
                continue
            }
            if patch.delete {
                files.remove(at: index)
                continue
            }
            do {
                files[index].content = try patch.apply(to: files[index].content, what: "the rendered solution")
            } catch let error as CatalogError {
                out.append(.error(LabSpecDiagnosticCode.badDefect, "defect \(defect.id): " + strip(error.message, patch),
                                  at: patch.location))
            } catch {
                out.append(.error(LabSpecDiagnosticCode.badDefect, "\(error)", at: patch.location))
            }
        }
        let patched = Set(defect.patch.map(\.file))
        let atStake = spec.exercises.flatMap(\.checks).filter { check in
            Self.files(of: check).contains { f in patched.contains { $0 == f || $0.hasPrefix(f + "/") } }
        }.reduce(0) { $0 + $1.points }
        if defect.loses > Double(atStake) {
            out.append(.error(LabSpecDiagnosticCode.badDefect,
                              "defect \(defect.id) loses \(defect.loses.rounded() == defect.loses ? String(Int(defect.loses)) : String(defect.loses)) points, but the checks about "
                              + patched.sorted().joined(separator: ", ") + " are worth \(atStake)",
                              at: defect.location))
        }
        return out
    }

    /// The lab files (or folders) a check reads.
    static func files(of check: Check) -> [String] {
        ["file", "answer", "path"].compactMap { check.string($0) }
    }

    // MARK: - Templates

    private func template(_ file: LabFile) -> String? {
        try? String(contentsOf: templatesRoot.appendingPathComponent(file.template), encoding: .utf8)
    }

    /// The text files of the reference solution rendered with `values` (`nil` when a template is
    /// missing or broken: ``LabSpecValidator`` reports that).
    private func render(_ spec: LabSpec, values: [String: String]) -> [(path: String, content: String)]? {
        let renderer = TemplateRenderer(values: values)
        var out: [(path: String, content: String)] = []
        for file in spec.files where file.kind != .image {
            guard let text = template(file),
                  let rendered = try? renderer.render(text, file: "templates/" + file.template) else { return nil }
            out.append((file.path, rendered))
        }
        return out
    }

    /// The patch's message without the location prefix (the diagnostic carries it).
    private func strip(_ message: String, _ patch: LabPatch) -> String {
        guard let location = patch.location else { return message }
        let prefix = "\(location): "
        return message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
    }
}
