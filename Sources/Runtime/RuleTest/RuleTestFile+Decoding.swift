import Diagnostics
import Foundation
import PromModel
import YAML

// MARK: - Decoding

extension RuleTestFile {
    static let fileKeys = ["rule_files", "evaluation_interval", "group_eval_order", "tests", "fuzzy_compare"]
    static let groupKeys = ["interval", "input_series", "alert_rule_test", "promql_expr_test", "external_labels",
                            "external_url", "name"]

    /// Parses a test file strictly (unknown fields are errors, as promtool's strict YAML decoding).
    /// Returns the file, or the diagnostics that prevent running it.
    public static func parse(_ text: String, file: String) -> (file: RuleTestFile?, diagnostics: [Diagnostic]) {
        let parsed = YAMLParser().parseCollectingDiagnostics(YAMLInput(name: file, text: text))
        var ctx = YAMLDecodingContext()
        for d in parsed.diagnostics { ctx.report(d) }
        if parsed.hasErrors { return (nil, ctx.diagnostics) }
        var result = RuleTestFile(file: file)
        guard let root = parsed.documents.first?.root, !root.isNull else { return (result, ctx.diagnostics) }
        guard let m = ctx.mapping(root, allowed: fileKeys, what: "rule test file") else { return (nil, ctx.diagnostics) }
        result.ruleFiles = ctx.stringList(m["rule_files"], what: "rule_files") ?? []
        result.evaluationInterval = duration(m["evaluation_interval"], what: "evaluation_interval", &ctx)
        if let order = ctx.sequence(m["group_eval_order"], what: "group_eval_order") {
            for node in order {
                guard let name = ctx.string(node, what: "group name") else { continue }
                result.groupEvalOrder.append(name)
                result.groupEvalOrderLocations.append(node.location)
            }
        }
        result.fuzzyCompare = ctx.bool(m["fuzzy_compare"], what: "fuzzy_compare") ?? false
        result.tests = ctx.list(m["tests"], what: "tests") { ctx, node in decodeGroup(node, &ctx) } ?? []
        return (ctx.hasErrors ? nil : result, ctx.diagnostics)
    }

    /// Reads and parses `path`.
    public static func load(path: String) -> (file: RuleTestFile?, diagnostics: [Diagnostic]) {
        // A directory or a device is said as such; a FIFO or /dev/zero is never read.
        var st = stat()
        guard stat(path, &st) == 0 else {
            return (nil, [.error("rule-test/io", "open \(path): \(String(cString: strerror(errno)).lowercased())")])
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            return (nil, [.error("rule-test/io", "\(path): is a directory, expected a test file (.yml)")])
        }
        if (st.st_mode & S_IFMT) != S_IFREG {
            return (nil, [.error("rule-test/io", "\(path): not a regular file")])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, [.error("rule-test/io", "open \(path): no such file or directory")])
        }
        guard data.count <= YAMLLimits.default.maxBytes else {
            return (nil, [.error("rule-test/io", "\(path): the file is larger than \(YAMLLimits.default.maxBytes) bytes")])
        }
        return parse(String(decoding: data, as: UTF8.self), file: path)
    }

    private static func decodeGroup(_ node: YAMLNode, _ ctx: inout YAMLDecodingContext) -> RuleTestGroup? {
        guard let m = ctx.mapping(node, allowed: groupKeys, what: "test group") else { return nil }
        var group = RuleTestGroup()
        group.location = node.location
        group.name = ctx.string(m["name"], what: "name") ?? ""
        group.interval = duration(m["interval"], what: "interval", &ctx)
        group.externalURL = ctx.string(m["external_url"], what: "external_url") ?? ""
        group.externalLabels = (ctx.stringPairs(m["external_labels"], what: "external_labels") ?? [])
            .map { Label($0.key, $0.value) }
        group.inputSeries = ctx.list(m["input_series"], what: "input_series") { ctx, node in
            guard let s = ctx.mapping(node, allowed: ["series", "values"], what: "input series") else { return nil }
            return RuleTestInputSeries(series: ctx.string(s["series"], what: "series") ?? "",
                                       values: ctx.string(s["values"], what: "values") ?? "",
                                       location: node.location)
        } ?? []
        group.alertRuleTests = ctx.list(m["alert_rule_test"], what: "alert_rule_test") { ctx, node in
            guard let a = ctx.mapping(node, allowed: ["eval_time", "alertname", "exp_alerts"],
                                      what: "alert_rule_test entry") else { return nil }
            let expected = ctx.list(a["exp_alerts"], what: "exp_alerts") { ctx, node -> ExpectedAlert? in
                guard let e = ctx.mapping(node, allowed: ["exp_labels", "exp_annotations"], what: "expected alert") else {
                    return nil
                }
                return ExpectedAlert(labels: labelList(e["exp_labels"], what: "exp_labels", &ctx),
                                     annotations: labelList(e["exp_annotations"], what: "exp_annotations", &ctx))
            } ?? []
            return AlertRuleTestCase(evalTime: duration(a["eval_time"], what: "eval_time", &ctx) ?? .zero,
                                     alertname: ctx.string(a["alertname"], what: "alertname") ?? "",
                                     expAlerts: expected, location: node.location)
        } ?? []
        group.promqlExprTests = ctx.list(m["promql_expr_test"], what: "promql_expr_test") { ctx, node in
            guard let p = ctx.mapping(node, allowed: ["expr", "eval_time", "exp_samples"],
                                      what: "promql_expr_test entry") else { return nil }
            let samples = ctx.list(p["exp_samples"], what: "exp_samples") { ctx, node -> ExpectedSample? in
                guard let s = ctx.mapping(node, allowed: ["labels", "value", "histogram"], what: "expected sample") else {
                    return nil
                }
                return ExpectedSample(labels: ctx.string(s["labels"], what: "labels") ?? "",
                                      value: ctx.double(s["value"], what: "value") ?? 0,
                                      histogram: ctx.string(s["histogram"], what: "histogram") ?? "")
            } ?? []
            return PromQLExprTestCase(expr: ctx.string(p["expr"], what: "expr") ?? "",
                                      evalTime: duration(p["eval_time"], what: "eval_time", &ctx) ?? .zero,
                                      expSamples: samples, location: node.location)
        } ?? []
        return group
    }

    /// A map of strings as sorted labels, keeping empty values (promtool compares them as given).
    private static func labelList(_ node: YAMLNode?, what: String, _ ctx: inout YAMLDecodingContext) -> [Label] {
        var byName: [String: String] = [:]
        for pair in ctx.stringPairs(node, what: what) ?? [] { byName[pair.key] = pair.value }
        return byName.map { Label($0.key, $0.value) }.sorted { $0.name < $1.name }
    }

    private static func duration(_ node: YAMLNode?, what: String, _ ctx: inout YAMLDecodingContext) -> Duration? {
        guard let node, let text = ctx.string(node, what: what) else { return nil }
        do {
            return try Duration.parse(text)
        } catch {
            ctx.error("rule-test/invalid-duration", "invalid \(what) \"\(text)\": \(error)", at: node)
            return nil
        }
    }
}
