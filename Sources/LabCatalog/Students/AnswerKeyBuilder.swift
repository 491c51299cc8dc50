import Foundation
import YAML

/// Builds a student's ``AnswerKey`` from the lab spec and the files rendered with the student's
/// values: metric declarations in the Python sources, alert and recording rules, scrape jobs,
/// container names, dashboard queries and the spec's reference queries.
public struct AnswerKeyBuilder: Sendable {
    public let spec: LabSpec

    public init(spec: LabSpec) {
        self.spec = spec
    }

    /// The key of `assignment`, whose files rendered as `renders` with `values`.
    public func build(_ assignment: StudentAssignment, values: [String: String],
                      renders: [(path: String, content: String)]) -> AnswerKey {
        let prefix = assignment.student.prefix
        var metrics: [AnswerKey.Metric] = []
        var alerts: [String] = [], records: [String] = [], jobs: [String] = [], containers: [String] = []
        var queries: [AnswerKey.Query] = []
        var prefixed: [String] = []
        let index = PrefixIndex(owners: [.init(prefix: prefix)])
        for (path, content) in renders {
            guard let kind = spec.file(path)?.kind else { continue }
            if !index.occurrences(in: content, limit: 1).isEmpty { prefixed.append(path) }
            switch kind {
            case .python:
                metrics += Self.declaredMetrics(in: content, prefix: prefix, file: path)
            case .rules:
                for rule in Self.rules(in: content, file: path) {
                    if let alert = rule.alert { alerts.append(alert) }
                    if let record = rule.record { records.append(record) }
                    queries.append(.init(source: "\(path): \(rule.alert ?? rule.record ?? "rule")", expr: rule.expr))
                }
            case .prometheusConfig:
                jobs += Self.yamlValues(in: content, file: path) { root in
                    (root["scrape_configs"]?.sequence ?? []).compactMap { $0["job_name"]?.scalarValue }
                }
            case .compose:
                containers += Self.yamlValues(in: content, file: path) { root in
                    (root["services"]?.mapping ?? []).compactMap { $0.value["container_name"]?.scalarValue }
                }
            case .dashboard:
                queries += Self.dashboardQueries(in: content, file: path)
            default:
                break
            }
        }
        let renderer = TemplateRenderer(values: values)
        for exercise in spec.exercises {
            for check in exercise.checks {
                guard let reference = check.string("reference"),
                      let expr = try? renderer.render(reference, file: "lab.yaml") else { continue }
                queries.append(.init(source: "\(exercise.id): \(check.kind.rawValue)", expr: expr))
            }
        }
        let suggested = assignment.domain.suggested.map { "\(prefix)_\($0)" }
        var seen = Set<String>()
        metrics = metrics.filter { seen.insert($0.name).inserted }.sorted { $0.name < $1.name }
        return AnswerKey(student: assignment.student.id, name: assignment.student.name, email: assignment.student.email,
                         lab: spec.id, version: spec.version, prefix: prefix, domain: assignment.domain.id,
                         entity: assignment.entity, domainAssigned: assignment.domainAssigned,
                         entityAssigned: assignment.entityAssigned, metrics: metrics,
                         alerts: Array(Set(alerts)).sorted(), recordingRules: Array(Set(records)).sorted(),
                         jobs: Array(Set(jobs)).sorted(), containers: Array(Set(containers)).sorted(),
                         queries: queries, prefixedFiles: prefixed.sorted(), suggestedMetrics: suggested)
    }

    // MARK: - Python

    /// `Counter(f'{prefix}_requests_total', ...)` → `ana_shop_requests_total` (counter).
    static func declaredMetrics(in source: String, prefix: String, file: String) -> [AnswerKey.Metric] {
        var out: [AnswerKey.Metric] = []
        let types = ["Counter": "counter", "Gauge": "gauge", "Histogram": "histogram", "Summary": "summary"]
        let scalars = Array(source.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard let (word, next) = identifier(scalars, at: i) else {
                i += 1
                continue
            }
            i = next
            guard let type = types[word], i < scalars.count, scalars[i] == "(" else { continue }
            var j = i + 1
            while j < scalars.count, scalars[j].properties.isWhitespace { j += 1 }
            if j < scalars.count, scalars[j] == "f" || scalars[j] == "r" { j += 1 }
            guard j < scalars.count, scalars[j] == "'" || scalars[j] == "\"" else { continue }
            let quote = scalars[j]
            var k = j + 1
            var literal = String.UnicodeScalarView()
            while k < scalars.count, scalars[k] != quote, scalars[k] != "\n", literal.count < 200 {
                literal.append(scalars[k])
                k += 1
            }
            let name = String(literal).replacingOccurrences(of: "{self.prefix}", with: prefix)
                .replacingOccurrences(of: "{prefix}", with: prefix)
            if isMetricName(name) { out.append(.init(name: name, type: type, file: file)) }
            i = k
        }
        return out
    }

    private static func identifier(_ scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        func isStart(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic && s.isASCII || s == "_" }
        guard isStart(scalars[start]), start == 0 || !(isStart(scalars[start - 1]) || ("0"..."9").contains(scalars[start - 1]))
        else { return nil }
        var end = start
        var text = String.UnicodeScalarView()
        while end < scalars.count, isStart(scalars[end]) || ("0"..."9").contains(scalars[end]) {
            text.append(scalars[end])
            end += 1
        }
        return (String(text), end)
    }

    static func isMetricName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || first == "_" || first == ":"
        else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == ":") }
    }

    // MARK: - YAML and JSON

    struct Rule {
        var alert: String?
        var record: String?
        var expr: String
    }

    static func rules(in text: String, file: String) -> [Rule] {
        yamlValues(in: text, file: file) { root in
            (root["groups"]?.sequence ?? []).flatMap { group in
                (group["rules"]?.sequence ?? []).compactMap { rule -> Rule? in
                    guard let expr = rule["expr"]?.scalarValue else { return nil }
                    return Rule(alert: rule["alert"]?.scalarValue, record: rule["record"]?.scalarValue,
                                expr: expr.trimmingCharacters(in: .whitespacesAndNewlines))
                }
            }
        }
    }

    static func yamlValues<T>(in text: String, file: String, _ extract: (YAMLNode) -> [T]) -> [T] {
        let result = YAMLParser().parseCollectingDiagnostics(YAMLInput(name: file, text: text))
        guard let root = result.documents.first?.root else { return [] }
        return extract(root)
    }

    static func dashboardQueries(in text: String, file: String) -> [AnswerKey.Query] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return [] }
        var out: [AnswerKey.Query] = []
        var stack: [[String: Any]] = ((object["panels"] as? [[String: Any]]) ?? []).reversed()
        while let panel = stack.popLast() {
            stack += ((panel["panels"] as? [[String: Any]]) ?? []).reversed()
            let title = panel["title"] as? String ?? "panel"
            for target in (panel["targets"] as? [[String: Any]]) ?? [] {
                if let expr = target["expr"] as? String { out.append(.init(source: "\(file): \(title)", expr: expr)) }
            }
        }
        return out
    }
}
