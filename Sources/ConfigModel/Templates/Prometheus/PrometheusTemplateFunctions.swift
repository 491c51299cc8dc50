import GoCompat
import PromModel
import RE2

/// The functions Prometheus adds to alert and console templates (see `PrometheusTemplates`).
enum PrometheusTemplateFunctions {
    static let sampleType = "*template.sample"

    /// The functions that depend on the query closure and the external URL.
    static func contextual(query: PrometheusTemplates.QueryFunction?, externalURL: String) -> [TemplateFunction] {
        [
            TemplateFunction("query", arguments: 1) { args in
                let q = try TemplateArguments.string(args, 0)
                guard let query else { throw TemplateRuntimeError("queries are not available here") }
                return .list(try query(q).map(sample))
            },
            TemplateFunction("pathPrefix", arguments: 0) { _ in .string(TemplateStrings.urlPath(externalURL)) },
            TemplateFunction("externalURL", arguments: 0) { _ in .string(externalURL) },
        ]
    }

    static func all(query: PrometheusTemplates.QueryFunction?, externalURL: String) -> [TemplateFunction] {
        contextual(query: query, externalURL: externalURL) + [
            TemplateFunction("first", arguments: 1) { args in
                guard case .list(let items) = args[0].underlying else { throw TemplateArguments.wrongType(args[0], "template.queryResult") }
                guard let first = items.first else { throw TemplateRuntimeError("first() called on vector with no elements") }
                return first
            },
            TemplateFunction("label", arguments: 2) { args in
                let name = try TemplateArguments.string(args, 0)
                return .string(try labels(of: args[1])[name] ?? "")
            },
            TemplateFunction("value", arguments: 1) { args in
                guard case .object(let o) = args[0], o.typeName == sampleType else {
                    if case .null = args[0] { return .float(0) }
                    throw TemplateArguments.wrongType(args[0], sampleType)
                }
                return o.fields["Value"] ?? .float(0)
            },
            TemplateFunction("strvalue", arguments: 1) { args in .string(try labels(of: args[0])["__value__"] ?? "") },
            TemplateFunction("sortByLabel", arguments: 2) { args in
                let name = try TemplateArguments.string(args, 0)
                guard case .list(let items) = args[1].underlying else { throw TemplateArguments.wrongType(args[1], "template.queryResult") }
                let keyed = try items.map { (try labels(of: $0)[name] ?? "", $0) }
                // A stable sort by the label value.
                let sorted = keyed.enumerated().sorted { a, b in
                    a.element.0 != b.element.0 ? a.element.0 < b.element.0 : a.offset < b.offset
                }
                return .list(sorted.map(\.element.1))
            },
            TemplateFunction("args", minArguments: 0, maxArguments: nil) { args in
                var entries: [String: TemplateValue] = [:]
                for (i, a) in args.enumerated() { entries["arg\(i)"] = a }
                return .map(TemplateMap(entries))
            },
            TemplateFunction("reReplaceAll", arguments: 3) { args in
                let pattern = try TemplateArguments.string(args, 0)
                let replacement = try TemplateArguments.string(args, 1)
                let text = try TemplateArguments.string(args, 2)
                do {
                    return .string(try TemplateRegexCache.shared.regex(pattern).replaceAll(in: text, with: replacement))
                } catch {
                    throw TemplateRuntimeError("regexp: Compile(\(GoQuoting.quote(pattern))): \(error)")
                }
            },
            TemplateFunction("match", arguments: 2) { args in
                let pattern = try TemplateArguments.string(args, 0)
                let text = try TemplateArguments.string(args, 1)
                return .bool(try TemplateRegexCache.shared.regex(pattern).firstMatch(in: text) != nil)
            },
            TemplateFunction("safeHtml", arguments: 1) { .string(try TemplateArguments.string($0, 0)) },
            TemplateFunction("title", arguments: 1) { .string(TemplateStrings.title(try TemplateArguments.string($0, 0), lowerRest: false)) },
            TemplateFunction("toUpper", arguments: 1) { .string(try TemplateArguments.string($0, 0).uppercased()) },
            TemplateFunction("toLower", arguments: 1) { .string(try TemplateArguments.string($0, 0).lowercased()) },
            TemplateFunction("graphLink", arguments: 1) {
                .string("/graph?g0.expr=" + TemplateEscaping.queryEscape(try TemplateArguments.string($0, 0)) + "&g0.tab=0")
            },
            TemplateFunction("tableLink", arguments: 1) {
                .string("/graph?g0.expr=" + TemplateEscaping.queryEscape(try TemplateArguments.string($0, 0)) + "&g0.tab=1")
            },
            TemplateFunction("humanize", arguments: 1) { .string(PrometheusHumanize.humanize(try TemplateArguments.float($0, 0))) },
            TemplateFunction("humanize1024", arguments: 1) { .string(PrometheusHumanize.humanize1024(try TemplateArguments.float($0, 0))) },
            TemplateFunction("humanizeDuration", arguments: 1) {
                .string(PrometheusHumanize.humanizeDuration(try TemplateArguments.float($0, 0)))
            },
            TemplateFunction("humanizePercentage", arguments: 1) {
                .string(PrometheusHumanize.humanizePercentage(try TemplateArguments.float($0, 0)))
            },
            TemplateFunction("humanizeTimestamp", arguments: 1) {
                .string(try PrometheusHumanize.humanizeTimestamp(try TemplateArguments.float($0, 0)))
            },
            TemplateFunction("toTime", arguments: 1) { args in
                let v = try TemplateArguments.float(args, 0)
                guard let t = try PrometheusHumanize.time(fromSeconds: v) else {
                    throw TemplateRuntimeError("value is NaN or Inf")
                }
                return .time(t)
            },
            TemplateFunction("parseDuration", arguments: 1) { args in
                let text = try TemplateArguments.string(args, 0)
                do {
                    return .float(try Duration.parse(text).seconds)
                } catch {
                    throw TemplateRuntimeError("\(error)")
                }
            },
            TemplateFunction("stripPort", arguments: 1) { args in
                let hostPort = try TemplateArguments.string(args, 0)
                return .string(TemplateStrings.splitHostPort(hostPort)?.host ?? hostPort)
            },
            TemplateFunction("stripDomain", arguments: 1) { .string(TemplateStrings.stripDomain(try TemplateArguments.string($0, 0))) },
        ]
    }

    // MARK: - Samples

    /// A query result element as templates see it: `.Labels` and `.Value`.
    static func sample(_ s: PrometheusTemplates.QuerySample) -> TemplateValue {
        .object(TemplateObject(typeName: sampleType, fields: [("Labels", .stringMap(s.labels)), ("Value", .float(s.value))]))
    }

    private static func labels(of value: TemplateValue) throws -> [String: String] {
        switch value {
        case .null:
            return [:]
        case .object(let o) where o.typeName == sampleType:
            guard case .map(let m)? = o.fields["Labels"] else { return [:] }
            return m.entries.compactMapValues(\.stringValue)
        default:
            throw TemplateArguments.wrongType(value, sampleType)
        }
    }
}
