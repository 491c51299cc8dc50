import Diagnostics
import PromModel
import YAML

/// Decodes `lab.yaml` into a ``LabSpec``, reporting every problem with its position
/// (unknown keys, wrong types, unknown check kinds, missing check parameters).
///
/// Cross-references (files named by checks, scenarios, points totals, templates) are checked
/// afterwards by ``LabSpecValidator``.
public struct LabSpecDecoder {
    public init() {}

    static let topKeys = ["id", "order", "version", "title", "summary", "objectives", "builds", "parameters",
                          "files", "scenarios", "total_points", "exercises", "corrections"]

    /// Parses and decodes `text`; `file` names positions.
    public func decode(_ text: String, file: String) -> (spec: LabSpec?, diagnostics: [Diagnostic]) {
        let result = YAMLParser().parseCollectingDiagnostics(YAMLInput(name: file, text: text))
        guard result.diagnostics.isEmpty else { return (nil, result.diagnostics) }
        guard let root = result.documents.first?.root else {
            return (nil, [.error(LabSpecDiagnosticCode.notALab, "\(file) is empty",
                                 at: SourceLocation(file: file, line: 1, column: 1))])
        }
        var ctx = YAMLDecodingContext()
        let spec = decode(root, &ctx)
        return (spec, ctx.diagnostics)
    }

    // MARK: - Top level

    func decode(_ root: YAMLNode, _ ctx: inout YAMLDecodingContext) -> LabSpec? {
        guard let m = ctx.mapping(root, allowed: Self.topKeys, what: "lab spec") else { return nil }
        let id = ctx.required("id", in: m, what: "lab spec").flatMap { ctx.string($0, what: "id") }
        let order = ctx.int(m["order"], in: 0...1000, what: "order") ?? 0
        let version = ctx.required("version", in: m, what: "lab spec").flatMap { ctx.int($0, in: 1...100_000, what: "version") }
        let title = ctx.required("title", in: m, what: "lab spec").flatMap { text($0, &ctx, what: "title") }
        let summary = ctx.required("summary", in: m, what: "lab spec").flatMap { text($0, &ctx, what: "summary") }
        let objectives = ctx.list(m["objectives"], what: "objectives") { c, n in text(n, &c, what: "an objective") } ?? []
        let builds = ctx.stringList(m["builds"], what: "builds") ?? []
        let parameters = ctx.list(m["parameters"], what: "parameters") { c, n in parameter(n, &c) } ?? []
        let files = ctx.list(ctx.required("files", in: m, what: "lab spec"), what: "files") { c, n in
            labFile(n, &c, lab: id ?? "")
        } ?? []
        let scenarios = ctx.list(m["scenarios"], what: "scenarios") { c, n in scenario(n, &c) } ?? []
        let total = ctx.required("total_points", in: m, what: "lab spec").flatMap { ctx.int($0, in: 0...100_000, what: "total_points") }
        let exercises = ctx.list(ctx.required("exercises", in: m, what: "lab spec"), what: "exercises") { c, n in
            exercise(n, &c)
        } ?? []
        let corrections = ctx.list(m["corrections"], what: "corrections") { c, n in correction(n, &c) } ?? []
        guard let id, let version, let title, let summary, let total else { return nil }
        return LabSpec(id: id, order: order, version: version, title: title, summary: summary,
                       objectives: objectives, builds: builds, parameters: parameters, files: files,
                       scenarios: scenarios, totalPoints: total, exercises: exercises, corrections: corrections,
                       location: root.location)
    }

    // MARK: - Pieces

    /// `{es: ..., en: ...}`; both languages are required.
    func text(_ node: YAMLNode, _ ctx: inout YAMLDecodingContext, what: String) -> LocalizedText? {
        guard let m = ctx.mapping(node, allowed: ["es", "en"], what: what) else { return nil }
        var values: [String: String] = [:]
        for language in Language.allCases {
            guard let value = m[language.rawValue].flatMap({ ctx.string($0, what: what) }), !value.isEmpty else {
                ctx.error(LabSpecDiagnosticCode.missingText, "\(what) has no \(language.rawValue) text",
                          at: m.keyNode(language.rawValue) ?? node)
                continue
            }
            values[language.rawValue] = value
        }
        guard let es = values["es"], let en = values["en"] else { return nil }
        return LocalizedText(es: es, en: en)
    }

    func parameter(_ node: YAMLNode, _ ctx: inout YAMLDecodingContext) -> LabParameter? {
        let what = "parameter"
        guard let m = ctx.mapping(node, allowed: ["name", "description", "format", "required", "default", "example"],
                                  what: what) else { return nil }
        let name = ctx.required("name", in: m, what: what).flatMap { ctx.string($0, what: "name") }
        let description = ctx.required("description", in: m, what: what).flatMap { text($0, &ctx, what: "description") }
        let format = ctx.required("format", in: m, what: what).flatMap { n in
            choice(n, &ctx, ParameterFormat.self, what: "format")
        }
        let required = ctx.bool(m["required"], what: "required") ?? false
        let defaultValue = ctx.string(m["default"], what: "default")
        let example = ctx.required("example", in: m, what: what).flatMap { ctx.string($0, what: "example") }
        if let name, IdentifierRules.problem(with: name) != nil, let n = m["name"] {
            ctx.error(LabSpecDiagnosticCode.invalidValue,
                      "parameter name \"\(name)\" must be a lower-case identifier ([a-z][a-z0-9_]*)", at: n)
        }
        guard let name, let description, let format, let example else { return nil }
        return LabParameter(name: name, description: description, format: format, required: required,
                            defaultValue: defaultValue, example: example, location: node.location)
    }

    func labFile(_ node: YAMLNode, _ ctx: inout YAMLDecodingContext, lab: String) -> LabFile? {
        let what = "file"
        guard let m = ctx.mapping(node, allowed: ["path", "template", "kind"], what: what) else { return nil }
        let path = ctx.required("path", in: m, what: what).flatMap { ctx.string($0, what: "path") }
        let template = ctx.string(m["template"], what: "template")
        let kind = ctx.required("kind", in: m, what: what).flatMap { choice($0, &ctx, FileKind.self, what: "file kind") }
        guard let path, let kind else { return nil }
        return LabFile(path: path, template: template ?? "\(lab)/\(path)", kind: kind, location: node.location)
    }

    func scenario(_ node: YAMLNode, _ ctx: inout YAMLDecodingContext) -> Scenario? {
        let what = "scenario"
        guard let m = ctx.mapping(node, allowed: ["name", "description", "interval", "duration", "series"],
                                  what: what) else { return nil }
        let name = ctx.required("name", in: m, what: what).flatMap { ctx.string($0, what: "name") }
        let description = ctx.required("description", in: m, what: what).flatMap { text($0, &ctx, what: "description") }
        let interval = ctx.scalar(m["interval"], as: "duration", what: "interval", parse: PromModel.Duration.parse) ?? .seconds(15)
        let duration = ctx.required("duration", in: m, what: what).flatMap {
            ctx.scalar($0, as: "duration", what: "duration", parse: PromModel.Duration.parse)
        }
        let series = ctx.list(ctx.required("series", in: m, what: what), what: "series") { c, n -> Scenario.Series? in
            guard let sm = c.mapping(n, allowed: ["series", "values"], what: "input series") else { return nil }
            let s = c.required("series", in: sm, what: "input series").flatMap { c.string($0, what: "series") }
            let v = c.required("values", in: sm, what: "input series").flatMap { c.string($0, what: "values") }
            guard let s, let v else { return nil }
            return Scenario.Series(series: s, values: v, location: n.location)
        } ?? []
        if interval.milliseconds <= 0, let n = m["interval"] {
            ctx.error(LabSpecDiagnosticCode.invalidValue, "interval must be positive", at: n)
        }
        guard let name, let description, let duration else { return nil }
        return Scenario(name: name, description: description, interval: interval, duration: duration,
                        series: series, location: node.location)
    }

    func correction(_ node: YAMLNode, _ ctx: inout YAMLDecodingContext) -> Correction? {
        guard let m = ctx.mapping(node, allowed: ["file", "es", "en"], what: "correction") else { return nil }
        let file = ctx.required("file", in: m, what: "correction").flatMap { ctx.string($0, what: "file") }
        let es = ctx.required("es", in: m, what: "correction").flatMap { ctx.string($0, what: "es") }
        let en = ctx.required("en", in: m, what: "correction").flatMap { ctx.string($0, what: "en") }
        guard let file, let es, let en else { return nil }
        return Correction(file: file, text: LocalizedText(es: es, en: en), location: node.location)
    }

    /// A scalar naming a case of `T`, with "did you mean" on a typo.
    func choice<T: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ ctx: inout YAMLDecodingContext, _: T.Type,
                                                    what: String) -> T? where T.RawValue == String {
        guard let raw = ctx.string(node, what: what) else { return nil }
        if let value = T(rawValue: raw) { return value }
        let names = T.allCases.map(\.rawValue)
        ctx.error(LabSpecDiagnosticCode.invalidValue,
                  "unknown \(what) \"\(raw)\"\(Suggestion.didYouMean(raw, in: names))", at: node,
                  notes: [.init("one of: " + names.joined(separator: ", "))])
        return nil
    }
}
