import Diagnostics
import PromModel
import PromQL
import YAML

// MARK: - Decoding and validation

extension RuleFile {
    static let groupKeys = ["name", "interval", "limit", "query_offset", "labels", "rules"]
    static let ruleKeys = ["record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations"]

    /// Decodes and validates a rule file's root node, as `rulefmt.Parse` + `Validate` do, collecting every
    /// error. `lines` are the file's lines (for positions inside block scalars).
    public static func decode(_ root: YAMLNode, lines: [Substring], _ ctx: inout YAMLDecodingContext) -> RuleFile? {
        decode(root, lines: RuleFileLines(lines: lines), &ctx)
    }

    /// ``decode(_:lines:_:)`` with the lines split on demand.
    static func decode(_ root: YAMLNode, lines: RuleFileLines, _ ctx: inout YAMLDecodingContext) -> RuleFile? {
        guard let m = ctx.mapping(root, allowed: ["groups"], what: "rule file") else { return nil }
        var file = RuleFile(file: root.file)
        var seen: [String: SourceLocation] = [:]
        file.groups = ctx.list(m["groups"], what: "groups") { ctx, item in
            guard let group = decodeGroup(item, lines: lines, &ctx) else { return nil }
            if !group.name.isEmpty, let at = group.nameLocation {
                if let first = seen[group.name] {
                    ctx.report(.error(RulesCode.duplicateGroup, "groupname: \"\(group.name)\" is repeated in the same file",
                                      at: at, notes: [Diagnostic.Note("first defined here", at: first)]))
                } else {
                    seen[group.name] = at
                }
            }
            return group
        } ?? []
        return file
    }

    private static func decodeGroup(_ node: YAMLNode, lines: RuleFileLines, _ ctx: inout YAMLDecodingContext) -> RuleGroup? {
        guard let m = ctx.mapping(node, allowed: groupKeys, what: "rule group") else { return nil }
        var group = RuleGroup(name: "")
        group.location = node.location
        let nameNode = m["name"]
        group.name = ctx.string(nameNode, what: "name") ?? ""
        group.nameLocation = (nameNode ?? node).location
        if group.name.isEmpty {
            ctx.error(RulesCode.emptyGroupName, "Groupname must not be empty", at: nameNode ?? node)
        }
        group.interval = ctx.duration(m["interval"], what: "interval")
        group.limit = ctx.count(m["limit"], what: "limit") ?? 0
        group.queryOffset = ctx.duration(m["query_offset"], what: "query_offset")
        group.labels = ctx.labelPairs(m["labels"], what: "labels") ?? []
        let context = "group \"\(group.name)\""
        checkLabelNames(group.labels, context: context, &ctx)
        var index = 0
        group.rules = ctx.list(m["rules"], what: "rules") { ctx, item in
            index += 1
            return decodeRule(item, index: index, group: group.name, lines: lines, &ctx)
        } ?? []
        return group
    }

    private static func decodeRule(_ node: YAMLNode, index: Int, group: String, lines: RuleFileLines,
                                   _ ctx: inout YAMLDecodingContext) -> Rule? {
        guard let m = ctx.mapping(node, allowed: ruleKeys, what: "rule") else { return nil }
        let recordNode = m["record"], alertNode = m["alert"]
        let record = ctx.string(recordNode, what: "record").flatMap { $0.isEmpty ? nil : $0 }
        let alert = ctx.string(alertNode, what: "alert").flatMap { $0.isEmpty ? nil : $0 }
        var rule = Rule(kind: alert != nil && record == nil ? .alerting : .recording, name: record ?? alert ?? "",
                        expr: "")
        rule.index = index
        rule.location = node.location
        rule.nameLocation = (rule.kind == .alerting ? alertNode : recordNode)?.location ?? node.location
        let context = "group \"\(group)\", rule \(index), \"\(rule.name)\""
        switch (record, alert) {
        case (nil, nil):
            ctx.error(RulesCode.missingRecordOrAlert, "\(context): one of 'record' or 'alert' must be set", at: node)
        case (_?, _?):
            ctx.error(RulesCode.recordAndAlert, "\(context): only one of 'record' and 'alert' must be set",
                      at: alertNode ?? node)
        default: break
        }
        if let e = m["expr"], let text = ctx.string(e, what: "expr"), !isBlank(text) {
            rule.expr = text
            rule.exprPosition = ExprPosition(node: e, lines: lines)
        } else {
            ctx.error(RulesCode.missingExpr, "\(context): field 'expr' must be set in rule", at: m["expr"] ?? node)
        }
        rule.forDuration = ctx.duration(m["for"], what: "for")
        rule.forLocation = m["for"]?.location
        rule.keepFiringFor = ctx.duration(m["keep_firing_for"], what: "keep_firing_for")
        rule.labels = ctx.labelPairs(m["labels"], what: "labels") ?? []
        rule.annotations = ctx.labelPairs(m["annotations"], what: "annotations") ?? []
        if record != nil {
            if m.contains("annotations"), let k = m.keyNode("annotations") {
                ctx.error(RulesCode.fieldNotAllowed, "\(context): invalid field 'annotations' in recording rule", at: k)
            }
            if let d = rule.forDuration, d != .zero, let k = m.keyNode("for") {
                ctx.error(RulesCode.fieldNotAllowed, "\(context): invalid field 'for' in recording rule", at: k)
            }
            if let d = rule.keepFiringFor, d != .zero, let k = m.keyNode("keep_firing_for") {
                ctx.error(RulesCode.fieldNotAllowed, "\(context): invalid field 'keep_firing_for' in recording rule",
                          at: k)
            }
            if let record, let n = recordNode { checkRecordName(record, context: context, at: n, &ctx) }
        }
        checkLabelNames(rule.labels, context: context, &ctx)
        for a in rule.annotations where !LabelNames.isValidUTF8Name(a.name) {
            ctx.report(.error(RulesCode.invalidAnnotationName, "\(context): invalid annotation name: \(a.name)",
                              at: a.location))
        }
        if alert != nil, record == nil {
            TemplateCheck.checkRule(rule, context: context, &ctx)
        }
        if !rule.expr.isEmpty { parseExpr(&rule, context: context, &ctx) }
        return rule
    }

    /// Parses and type-checks `expr`; recording and alerting rule results must be vectors or scalars.
    static func parseExpr(_ rule: inout Rule, context: String, _ ctx: inout YAMLDecodingContext) {
        let result = Parser().parseWithIssues(rule.expr)
        guard let expr = result.expr else {
            let errors = ParseErrors(issues: result.issues, query: rule.expr)
            let base = rule.exprPosition?.base
            for d in errors.diagnostics(file: base?.file ?? "", base: base,
                                        continuationIndent: rule.exprPosition?.continuationIndent ?? 0) {
                var d = d
                d.message = "\(context): could not parse expression: \(d.message)"
                ctx.report(d)
            }
            return
        }
        rule.parsedExpr = expr
        if expr.type != .vector, expr.type != .scalar {
            ctx.report(.error(RulesCode.invalidExprType,
                              "\(context): rule expression must evaluate to an instant vector or scalar, got \(expr.type.documentedName)",
                              at: rule.exprPosition?.base,
                              notes: [Diagnostic.Note("Prometheus fails such rules at evaluation time (promtool 2.42 does not check this)")]))
        }
    }

    /// Whether `text` is empty or only whitespace (`CharacterSet.whitespaces`), checked byte-wise for ASCII.
    static func isBlank(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 { continue }
            if byte < 0x80 { return false }
            return text.trimmingCharacters(in: .whitespaces).isEmpty
        }
        return true
    }

    private static func checkRecordName(_ name: String, context: String, at node: YAMLNode,
                                        _ ctx: inout YAMLDecodingContext) {
        if name.contains("{") || name.contains("}") {
            ctx.error(RulesCode.invalidRecordName,
                      "\(context): braces present in the recording rule name; should it be in expr?", at: node)
        } else if !LabelNames.isValidLegacyMetricName(name) {
            ctx.error(RulesCode.invalidRecordName, "\(context): invalid recording rule name: \(name)", at: node)
        }
    }

    private static func checkLabelNames(_ labels: [LabelEntry], context: String, _ ctx: inout YAMLDecodingContext) {
        for l in labels where !LabelNames.isValidUTF8Name(l.name) || l.name == Label.metricName {
            ctx.report(.error(RulesCode.invalidLabelName, "\(context): invalid label name: \(l.name)", at: l.location))
        }
    }
}
