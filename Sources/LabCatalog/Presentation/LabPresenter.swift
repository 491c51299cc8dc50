import Diagnostics

/// The text of `labctl labs list` and `labctl labs show`, in Spanish or English.
public struct LabPresenter: Sendable {
    public var language: Language

    public init(language: Language) {
        self.language = language
    }

    private func t(_ text: LocalizedText) -> String { text.text(language) }
    private func word(_ es: String, _ en: String) -> String { language == .es ? es : en }

    /// One line per lab: id, points, exercises and title.
    public func list(_ labs: [LabSpec]) -> String {
        let width = max(4, labs.map(\.id.count).max() ?? 0)
        var out = "\("LAB".padding(toLength: width, withPad: " ", startingAt: 0))  PTS  EX  \(word("TÍTULO", "TITLE"))\n"
        for lab in labs {
            let id = lab.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let pts = String(lab.totalPoints).leftPadded(3)
            let ex = String(lab.exercises.count).leftPadded(2)
            out += "\(id)  \(pts)  \(ex)  \(t(lab.title))\n"
        }
        return out
    }

    /// Everything a student needs to start a lab, with every `<<labctl:NAME>>` placeholder of its texts
    /// and checks rendered with `values` (``exampleValues(for:given:)``: the student's values, else the
    /// parameters' defaults and examples). Without values the placeholders are shown as written.
    public func show(_ lab: LabSpec, values: [String: String]) -> String {
        let text = show(lab)
        guard !values.isEmpty else { return text }
        let used = lab.parameters.compactMap { p in values[p.name].map { "\(p.name)=\($0)" } }
        let header = "\(word("Valores", "Values")): \(used.joined(separator: ", "))\n"
        let rendered = (try? TemplateRenderer(values: values).render(text, file: "labs show")) ?? text
        guard let firstBreak = rendered.range(of: "\n\n") else { return rendered + header }
        return String(rendered[..<firstBreak.upperBound]) + header + "\n" + String(rendered[firstBreak.upperBound...])
    }

    /// The values `labs show` renders placeholders with: `given` (the student's), else each
    /// required parameter's example; the other defaults then follow from them (``AnswerResolver``).
    /// Throws a ``CatalogError`` when a given value is not valid for its parameter.
    public static func exampleValues(for lab: LabSpec, given: [String: String]) throws -> [String: String] {
        var values = given
        for p in lab.parameters where p.required && values[p.name] == nil { values[p.name] = p.example }
        return try AnswerResolver(spec: lab).resolve(values)
    }

    /// Everything a student needs to start a lab, placeholders as written.
    public func show(_ lab: LabSpec) -> String {
        var out = "\(lab.id) — \(t(lab.title)) (v\(lab.version), \(lab.totalPoints) \(word("puntos", "points")))\n\n"
        out += t(lab.summary) + "\n"
        if !lab.builds.isEmpty {
            out += "\n\(word("Se basa en", "Builds on")): \(lab.builds.joined(separator: ", "))\n"
        }
        out += "\n\(word("Objetivos", "Objectives")):\n"
        for o in lab.objectives { out += "  - \(t(o))\n" }
        if !lab.parameters.isEmpty {
            out += "\n\(word("Parámetros (labctl init --set NOMBRE=VALOR)", "Parameters (labctl init --set NAME=VALUE)")):\n"
            for p in lab.parameters {
                let need = p.required ? word("obligatorio", "required") : (p.defaultValue.map { "\(word("por defecto", "default")) \($0)" } ?? "")
                out += "  \(p.name) (\(p.format.rawValue), \(need)): \(t(p.description)) \(word("Ej.", "E.g.")) \(p.example)\n"
            }
        }
        out += "\n\(word("Archivos", "Files")):\n"
        for f in lab.files { out += "  \(f.path)  [\(f.kind.rawValue)]\n" }
        out += "\n\(word("Ejercicios", "Exercises")):\n"
        for (n, e) in lab.exercises.enumerated() {
            out += "  \(n + 1). \(t(e.title)) [\(e.id), \(e.points) \(word("puntos", "points"))]\n"
            out += "     \(t(e.task))\n"
            for c in e.checks {
                out += "     - \(c.points.description.leftPadded(2)) pts  \(describe(c))\n"
            }
        }
        if !lab.corrections.isEmpty {
            out += "\n\(word("Correcciones respecto al texto original", "Corrections to the original text")):\n"
            for c in lab.corrections { out += "  - \(c.file): \(t(c.text))\n" }
        }
        return out
    }

    /// One line saying what a check verifies.
    public func describe(_ check: Check) -> String {
        if let d = check.description { return t(d) }
        let keys = check.kind.parameters.map(\.name).filter { check.parameters[$0] != nil }
        let args = keys.compactMap { key -> String? in
            switch check.parameters[key] {
            case .string(let s)?: return "\(key)=\(s)"
            case .list(let items)?: return "\(key)=[\(items.joined(separator: ", "))]"
            case .map(let entries)?: return "\(key)={\(entries.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))}"
            case nil: return nil
            }
        }
        return "\(check.kind.rawValue) " + args.joined(separator: " ")
    }

    /// The check kinds and their parameters (`labctl labs checks`), generated from ``CheckKind``.
    public static func checkKinds() -> String {
        var out = ""
        for kind in CheckKind.allCases {
            out += "\(kind.rawValue): \(kind.summary)\n"
            for p in kind.parameters {
                out += "    \(p.name)\(p.required ? " (required)" : ""): \(typeName(p.type))\n"
            }
        }
        return out
    }

    private static func typeName(_ type: CheckParameterSpec.ValueType) -> String {
        switch type {
        case .string: return "string"
        case .file(let kinds?): return "lab file (" + kinds.map(\.rawValue).joined(separator: " | ") + ")"
        case .file(nil): return "lab file"
        case .scenario: return "scenario name"
        case .duration: return "duration"
        case .number: return "number"
        case .choice(let words): return words.joined(separator: " | ")
        case .list: return "list of strings"
        case .map: return "map of strings"
        }
    }
}

extension String {
    /// The string right-aligned in `width` columns.
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
