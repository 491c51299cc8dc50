import GoCompat
import PromModel

// MARK: - AST dump

extension PrettyPrinter {
    /// An indented dump of the tree, one node per line: the node kind, its key fields, its type
    /// and its source range as `line:col-line:col`, children indented by ``indentUnit`` below.
    ///
    /// Lines and columns are 1-based and count bytes, as Prometheus's parse errors do; the range
    /// ends at the node's last character (inclusive). `source` is the text the tree was parsed from.
    ///
    /// For `sum by (job) (rate(http_requests[5m]))`:
    /// ```text
    /// AggregateExpr op=sum by=(job) <instant vector> 1:1-1:38
    ///   Call func=rate <instant vector> 1:15-1:37
    ///     MatrixSelector range=5m <range vector> 1:20-1:36
    ///       VectorSelector name=http_requests <instant vector> 1:20-1:32
    /// ```
    public func tree(_ expr: Expr, source: String) -> String {
        let map = LineMap(source)
        var out = ""
        dump(expr, level: 0, map: map, to: &out)
        return out
    }

    /// Pre-order with an explicit stack: a long binary chain is as deep as it is long.
    private func dump(_ root: Expr, level: Int, map: LineMap, to out: inout String) {
        var stack = [(root, level)]
        while let (expr, level) = stack.popLast() {
            let (kind, fields) = Self.describe(expr)
            out += String(repeating: indentUnit, count: level) + kind
            for field in fields { out += " " + field }
            out += " <" + expr.type.documentedName + "> " + Self.range(expr.span, map) + "\n"
            for child in expr.children.reversed() { stack.append((child, level + 1)) }
        }
    }

    /// `start-end`, both `line:col`, the end being the last character of the span.
    static func range(_ span: SourceSpan, _ map: LineMap) -> String {
        let start = map.position(of: span.start)
        let end = map.position(of: Swift.max(span.start, span.end - 1))
        return "\(start.line):\(start.column)-\(end.line):\(end.column)"
    }

    // MARK: - Node descriptions

    /// The node kind (named as in Prometheus's AST) and its key fields as `name=value` words.
    static func describe(_ expr: Expr) -> (String, [String]) {
        switch expr {
        case .number(let n):
            return ("NumberLiteral", ["value=" + Printer.number(n)])
        case .string(let s):
            return ("StringLiteral", ["value=" + s.goQuoted])
        case .vectorSelector(let vs):
            return ("VectorSelector", selectorFields(vs))
        case .matrixSelector(let m):
            return ("MatrixSelector", ["range=" + Printer.duration(m.range, topLevel: true)])
        case .subquery(let s):
            var fields = ["range=" + Printer.duration(s.range, topLevel: true)]
            if let step = s.step { fields.append("step=" + Printer.duration(step, topLevel: true)) }
            fields += modifierFields(offset: s.offset, at: s.at)
            return ("SubqueryExpr", fields)
        case .aggregate(let a):
            var fields = ["op=" + a.op.rawValue]
            if a.without {
                fields.append("without=(" + Printer.joinLabels(a.grouping) + ")")
            } else if !a.grouping.isEmpty {
                fields.append("by=(" + Printer.joinLabels(a.grouping) + ")")
            }
            return ("AggregateExpr", fields)
        case .binary(let b):
            return ("BinaryExpr", binaryFields(b))
        case .unary(let u):
            return ("UnaryExpr", ["op=" + u.op.rawValue])
        case .call(let c):
            return ("Call", ["func=" + c.function.name])
        case .paren:
            return ("ParenExpr", [])
        case .stepInvariant:
            return ("StepInvariantExpr", [])
        }
    }

    private static func selectorFields(_ vs: VectorSelector) -> [String] {
        var fields: [String] = []
        if !vs.name.isEmpty { fields.append("name=" + vs.name) }
        let matchers = vs.matchers.filter {
            !($0.name == Label.metricName && $0.type == .equal && $0.value == vs.name && !vs.name.isEmpty)
        }.map(\.description).sorted()
        if !matchers.isEmpty { fields.append("matchers={" + matchers.joined(separator: ",") + "}") }
        fields += modifierFields(offset: vs.offset, at: vs.at)
        if vs.anchored { fields.append("anchored") }
        if vs.smoothed { fields.append("smoothed") }
        return fields
    }

    private static func modifierFields(offset: DurationExpr?, at: AtModifier?) -> [String] {
        var fields: [String] = []
        if let offset { fields.append("offset=" + Printer.duration(offset, topLevel: true)) }
        switch at {
        case .timestamp(let ms)?: fields.append("@=" + GoFloatFormat.fixed3(Double(ms) / 1000))
        case .start?: fields.append("@=start()")
        case .end?: fields.append("@=end()")
        case nil: break
        }
        return fields
    }

    private static func binaryFields(_ b: BinaryExpr) -> [String] {
        var fields = ["op=" + b.op.rawValue]
        if b.returnBool { fields.append("bool") }
        guard let m = b.matching else { return fields }
        if m.on || !m.matchingLabels.isEmpty {
            fields.append((m.on ? "on=(" : "ignoring=(") + Printer.joinLabels(m.matchingLabels) + ")")
        }
        switch m.cardinality {
        case .manyToOne: fields.append("group_left=(" + Printer.joinLabels(m.include) + ")")
        case .oneToMany: fields.append("group_right=(" + Printer.joinLabels(m.include) + ")")
        case .oneToOne, .manyToMany: break
        }
        if let l = m.fill.lhs { fields.append("fill_left=" + GoFloatFormat.f(l)) }
        if let r = m.fill.rhs { fields.append("fill_right=" + GoFloatFormat.f(r)) }
        return fields
    }
}
