import Diagnostics
import PromModel
import YAML

// MARK: - Exercises and checks

extension LabSpecDecoder {
    func exercise(_ node: YAMLNode, _ ctx: inout YAMLDecodingContext) -> Exercise? {
        let what = "exercise"
        guard let m = ctx.mapping(node, allowed: ["id", "title", "task", "points", "checks"], what: what) else {
            return nil
        }
        let id = ctx.required("id", in: m, what: what).flatMap { ctx.string($0, what: "id") }
        let title = ctx.required("title", in: m, what: what).flatMap { text($0, &ctx, what: "title") }
        let task = ctx.required("task", in: m, what: what).flatMap { text($0, &ctx, what: "task") }
        let points = ctx.required("points", in: m, what: what).flatMap { ctx.int($0, in: 0...10_000, what: "points") }
        let checks = ctx.list(ctx.required("checks", in: m, what: what), what: "checks") { c, n in check(n, &c) } ?? []
        guard let id, let title, let task, let points else { return nil }
        return Exercise(id: id, title: title, task: task, points: points, checks: checks, location: node.location)
    }

    /// A check: `kind` picks the parameter table; every other key must be one of its parameters.
    func check(_ node: YAMLNode, _ ctx: inout YAMLDecodingContext) -> Check? {
        guard let m = ctx.mapping(node, what: "check") else { return nil }
        guard let kindNode = ctx.required("kind", in: m, what: "check"),
              let kindName = ctx.string(kindNode, what: "kind") else { return nil }
        guard let kind = CheckKind(rawValue: kindName) else {
            let names = CheckKind.allCases.map(\.rawValue)
            ctx.error(LabSpecDiagnosticCode.unknownCheckKind,
                      "unknown check kind \"\(kindName)\"\(Suggestion.didYouMean(kindName, in: names))", at: kindNode,
                      notes: [.init("check kinds: " + names.joined(separator: ", "))])
            return nil
        }
        let points = ctx.required("points", in: m, what: "check").flatMap { ctx.int($0, in: 0...10_000, what: "points") }
        let description = m["description"].flatMap { text($0, &ctx, what: "check description") }
        let id = m["id"].flatMap { ctx.string($0, what: "check id") }
        let hidden = m["hidden"].flatMap { ctx.bool($0, what: "hidden") } ?? false
        let specs = kind.parameters
        var parameters: [String: CheckValue] = [:]
        var locations: [String: SourceLocation] = [:]
        for pair in m.pairs {
            guard let key = pair.key.scalarValue, !CheckKind.commonKeys.contains(key) else { continue }
            guard let spec = specs.first(where: { $0.name == key }) else {
                let names = specs.map(\.name)
                ctx.error(LabSpecDiagnosticCode.unknownCheckParameter,
                          "check kind \(kind.rawValue) has no parameter \"\(key)\"\(Suggestion.didYouMean(key, in: names))",
                          at: pair.key, notes: [.init("parameters of \(kind.rawValue): " + names.joined(separator: ", "))])
                continue
            }
            if let value = checkValue(pair.value, spec: spec, &ctx) {
                parameters[key] = value
                locations[key] = pair.value.location
            }
        }
        for spec in specs where spec.required && !m.contains(spec.name) {
            ctx.error(LabSpecDiagnosticCode.missingCheckParameter,
                      "check kind \(kind.rawValue) needs parameter \"\(spec.name)\"", at: kindNode)
        }
        guard let points else { return nil }
        return Check(kind: kind, id: id, hidden: hidden, points: points, description: description, parameters: parameters,
                     parameterLocations: locations, location: node.location)
    }

    /// A parameter value of the type its spec declares.
    private func checkValue(_ node: YAMLNode, spec: CheckParameterSpec,
                            _ ctx: inout YAMLDecodingContext) -> CheckValue? {
        switch spec.type {
        case .string, .file, .scenario:
            return ctx.string(node, what: spec.name).map(CheckValue.string)
        case .duration:
            guard let text = ctx.string(node, what: spec.name) else { return nil }
            do {
                _ = try PromModel.Duration.parse(text)
            } catch {
                ctx.error(LabSpecDiagnosticCode.invalidValue, "invalid duration \"\(text)\" for \(spec.name): \(error)", at: node)
                return nil
            }
            return .string(text)
        case .number:
            return ctx.double(node, what: spec.name).map { _ in .string(node.scalarValue ?? "") }
        case .choice(let words):
            guard let text = ctx.string(node, what: spec.name) else { return nil }
            guard words.contains(text) else {
                ctx.error(LabSpecDiagnosticCode.invalidValue,
                          "\(spec.name) must be one of \(words.joined(separator: ", ")); got \"\(text)\"\(Suggestion.didYouMean(text, in: words))",
                          at: node)
                return nil
            }
            return .string(text)
        case .list:
            return ctx.stringList(node, what: spec.name).map(CheckValue.list)
        case .map:
            return ctx.stringPairs(node, what: spec.name).map { pairs in
                .map(pairs.map { CheckValue.MapEntry(key: $0.key, value: $0.value) })
            }
        }
    }
}
