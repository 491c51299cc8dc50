import Diagnostics
import PromModel
import PromQL
import YAML

/// A student's PromQL answers file (`promql/lab2.yml`): one query per exercise under `answers:`.
///
/// ```yaml
/// answers:
///   ej3_rps_by_endpoint: 'sum by (endpoint) (rate(http_requests_total[1m]))'
/// ```
/// Each query is parsed and type-checked like a rule expression, with errors at the file position of
/// the offending token; empty answers (the starter's) are left to ``TodoMarkerCheck``. The answers are
/// kept as recording-rule-shaped values so the expression lints of rule files run on them too.
public struct PromQLAnswerFile: Sendable {
    /// One answer: its key and its query.
    public struct Answer: Sendable {
        public var key: String
        /// The query, as a rule (name = key) so positions and lints work as for rule expressions.
        public var rule: Rule
    }

    public var file: String
    public var answers: [Answer] = []

    /// Codes of answers-file findings.
    public static let invalidCode = "promql-answers/invalid"
    public static let parseErrorCode = "promql-answers/parse-error"
    public static let notAnInstantVectorCode = "promql-answers/not-a-vector"

    /// The rule lints that look only at an expression, run on every answer.
    static let expressionLints: [any LintRule<RuleLintInput>.Type] = [
        RateOnNonCounterLint.self, RateRangeTooShortLint.self, HistogramQuantileWithoutLeLint.self,
        HistogramQuantileNonBucketLint.self, LabelSetMismatchLint.self,
    ]

    public init(file: String) { self.file = file }

    /// Whether a YAML text is an answers file (its top-level mapping has `answers`).
    public static func looksLikeAnswers(text: String) -> Bool {
        text.split(separator: "\n").contains { $0.hasPrefix("answers:") }
    }

    /// Loads and checks the answers file at `path`: syntax, every query, and (when `lint`) the expression lints.
    public static func check(path: String, lint: Bool = true, scrapeInterval: Duration? = nil) -> ConfigLoadResult<PromQLAnswerFile> {
        guard let text = LabPath.readText(path, maxBytes: 1 << 20) else {
            return ConfigLoadResult(value: nil, diagnostics: [.error(invalidCode, "\(path): cannot be read (or is larger than 1 MiB)")])
        }
        return check(text: text, file: path, lint: lint, scrapeInterval: scrapeInterval)
    }

    /// Checks an answers file given as text.
    /// `scrapeInterval` is the lab's, when known (for the range lints).
    public static func check(text: String, file: String, lint: Bool = true,
                             scrapeInterval: Duration? = nil) -> ConfigLoadResult<PromQLAnswerFile> {
        var result = decode(text: text, file: file)
        if lint, let value = result.value {
            let input = RuleLintInput(file: value.asRuleFile, scrapeInterval: scrapeInterval)
            result.diagnostics += LintSuite(expressionLints).run(input)
        }
        return result
    }

    /// The answers as one rule group, for the expression lints.
    var asRuleFile: RuleFile {
        RuleFile(groups: [RuleGroup(name: "answers", rules: answers.map(\.rule))], file: file)
    }

    static func decode(text: String, file: String) -> ConfigLoadResult<PromQLAnswerFile> {
        let parsed = YAMLParser().parseCollectingDiagnostics(YAMLInput(name: file, text: text))
        var ctx = YAMLDecodingContext()
        for d in parsed.diagnostics { ctx.report(d) }
        var out = PromQLAnswerFile(file: file)
        guard !parsed.hasErrors, let root = parsed.documents.first?.root else {
            return ConfigLoadResult(value: parsed.hasErrors ? nil : out, diagnostics: ctx.diagnostics)
        }
        guard let top = ctx.mapping(root, what: "answers file") else {
            return ConfigLoadResult(value: nil, diagnostics: ctx.diagnostics)
        }
        guard let answersNode = top["answers"] else {
            ctx.error(invalidCode, "no `answers:` mapping: write one query per exercise under answers:", at: root)
            return ConfigLoadResult(value: out, diagnostics: ctx.diagnostics)
        }
        if answersNode.isNull { return ConfigLoadResult(value: out, diagnostics: ctx.diagnostics) }
        guard let answers = ctx.mapping(answersNode, what: "answers") else {
            return ConfigLoadResult(value: out, diagnostics: ctx.diagnostics)
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for pair in answers.pairs {
            guard let key = pair.key.scalarValue else { continue }
            if pair.value.isNull { continue }
            guard let query = ctx.string(pair.value, what: "answer \(key)") else { continue }
            guard !query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            var rule = Rule(kind: .recording, name: key, expr: query)
            rule.location = pair.key.location
            rule.nameLocation = pair.key.location
            rule.exprPosition = ExprPosition(node: pair.value, lines: lines)
            parse(&rule, &ctx)
            out.answers.append(Answer(key: key, rule: rule))
        }
        return ConfigLoadResult(value: out, diagnostics: ctx.diagnostics)
    }

    /// Parses and type-checks one answer.
    static func parse(_ rule: inout Rule, _ ctx: inout YAMLDecodingContext) {
        let result = Parser().parseWithIssues(rule.expr)
        guard let expr = result.expr else {
            let errors = ParseErrors(issues: result.issues, query: rule.expr)
            let base = rule.exprPosition?.base
            for d in errors.diagnostics(file: base?.file ?? "", base: base,
                                        continuationIndent: rule.exprPosition?.continuationIndent ?? 0) {
                var d = d
                d.code = parseErrorCode
                d.message = "answer \(rule.name): could not parse the query: \(d.message)" + hint(for: rule.expr)
                ctx.report(d)
            }
            return
        }
        rule.parsedExpr = expr
        if expr.type == .string {
            ctx.report(.error(notAnInstantVectorCode,
                              "answer \(rule.name): the query is a string literal, not a PromQL expression; write the query itself",
                              at: rule.exprPosition?.base))
        }
    }

    /// A hint for the commonest mistake the parser's message does not name: grouping labels without
    /// parentheses (`sum by endpoint (…)`).
    static func hint(for query: String) -> String {
        let aggregations = ["sum", "avg", "min", "max", "count", "topk", "bottomk", "quantile", "stddev", "stdvar", "group"]
        for op in aggregations {
            for word in ["by", "without"] {
                guard let r = query.range(of: "\(op) \(word) "), let next = query[r.upperBound...].first,
                      next != "(" else { continue }
                return " (grouping labels go in parentheses: \(op) \(word) (label) (…))"
            }
        }
        return ""
    }
}

// MARK: - File kind

extension PromQLAnswerFile {
    /// Top-level keys only a PromQL answers file has: `FileKindGuess` tells the kind of a file by them.
    public static let distinctiveTopLevelKeys: Set<String> = ["answers"]
}
