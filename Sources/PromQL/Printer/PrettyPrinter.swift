/// Breaks long expressions over several lines, following the rules of Prometheus's `Prettify`
/// (what `promtool promql format` and the `/api/v1/format_query` endpoint print).
///
/// The rules, applied from the root down with a nesting level that starts at 0:
/// - A node whose canonical form (``Expr/description``) is at most ``maxWidth`` bytes long is written
///   on one line, indented by `level` times ``indentUnit``. The indentation does not count towards the
///   width, as in Prometheus.
/// - Vector selectors, matrix selectors and literals are never split.
/// - A long aggregation writes `op [by|without (…)] (`, its parameter and its operand one level
///   deeper (the parameter followed by `,`), then `)` on a line of its own.
/// - A long call writes `name(`, one argument per line one level deeper separated by `,`, then `)`.
/// - A long parenthesised expression writes `(`, the inner expression one level deeper, then `)`.
/// - A long binary expression writes its left operand one level deeper, the operator with `bool`
///   and its matching clauses on a line of its own at the current level, then the right operand
///   one level deeper. So a split binary expression at the root starts with two spaces.
/// - A long subquery writes its inner expression at the current level followed by
///   `[range:step] @ … offset …`.
/// - A unary expression writes its operator, then its operand formatted at the same level.
///
/// One deliberate difference: Prometheus writes a subquery that fits on one line without its
/// indentation (so it starts at column 1 inside a split call); here it is indented like every other node.
///
/// The output parses back to the same tree as the input (ignoring positions).
///
/// ```swift
/// let expr = try Parser().parseExpr(query)
/// print(PrettyPrinter().format(expr))
/// ```
public struct PrettyPrinter: Sendable {
    /// Prometheus's line width: nodes whose canonical form is longer are split.
    public static let defaultMaxWidth = 100

    /// Nodes whose canonical form is longer than this many bytes are split.
    public var maxWidth: Int
    /// One level of indentation (two spaces, as in Prometheus).
    public var indentUnit: String

    public init(maxWidth: Int = PrettyPrinter.defaultMaxWidth, indentUnit: String = "  ") {
        self.maxWidth = maxWidth
        self.indentUnit = indentUnit
    }

    // MARK: - Formatting

    /// The expression broken over lines, without a final newline.
    public func format(_ expr: Expr) -> String {
        var out = ""
        write(expr, level: 0, to: &out)
        return out
    }

    /// Appends `expr` formatted at nesting `level`, starting with its own indentation.
    private func write(_ expr: Expr, level: Int, to out: inout String) {
        switch expr {
        case .number, .string, .vectorSelector, .matrixSelector:
            writeLine(expr, level: level, to: &out)
        case .stepInvariant(let s):
            write(s.expr, level: level, to: &out)
        case .unary(let u):
            var child = ""
            write(u.expr, level: level, to: &child)
            out += indent(level) + u.op.rawValue + child.drop { $0 == " " || $0 == "\n" }
        case .aggregate(let a):
            guard needsSplit(expr) else { return writeLine(expr, level: level, to: &out) }
            out += indent(level) + Printer.aggregationPrefix(a) + "(\n"
            if let param = a.param {
                write(param, level: level + 1, to: &out)
                out += ",\n"
            }
            write(a.expr, level: level + 1, to: &out)
            out += "\n" + indent(level) + ")"
        case .call(let c):
            guard needsSplit(expr), !c.args.isEmpty else { return writeLine(expr, level: level, to: &out) }
            out += indent(level) + c.function.name + "(\n"
            for (i, arg) in c.args.enumerated() {
                if i > 0 { out += ",\n" }
                write(arg, level: level + 1, to: &out)
            }
            out += "\n" + indent(level) + ")"
        case .paren(let p):
            guard needsSplit(expr) else { return writeLine(expr, level: level, to: &out) }
            out += indent(level) + "(\n"
            write(p.expr, level: level + 1, to: &out)
            out += "\n" + indent(level) + ")"
        case .binary(let b):
            guard needsSplit(expr) else { return writeLine(expr, level: level, to: &out) }
            writeChain(b, level: level, to: &out)
        case .subquery(let s):
            guard needsSplit(expr) else { return writeLine(expr, level: level, to: &out) }
            write(s.expr, level: level, to: &out)
            out += Self.subquerySuffix(s)
        }
    }

    /// A split binary expression: each node of its left spine that is too long puts its left operand one
    /// level deeper than itself, so the chain is written from its innermost split node outwards in a loop
    /// (a chain of thousands of terms would otherwise recurse once per term).
    private func writeChain(_ top: BinaryExpr, level: Int, to out: inout String) {
        var nodes = [top]
        var leaf = top.lhs
        while case .binary(let b) = leaf, needsSplit(leaf) {
            nodes.append(b)
            leaf = b.lhs
        }
        write(leaf, level: level + nodes.count, to: &out)
        for (depth, node) in nodes.enumerated().reversed() {
            out += "\n" + indent(level + depth) + Printer.binaryOperator(node) + "\n"
            write(node.rhs, level: level + depth + 1, to: &out)
        }
    }

    /// Appends the indentation and the canonical one-line form.
    private func writeLine(_ expr: Expr, level: Int, to out: inout String) {
        out += indent(level)
        Printer.write(expr, to: &out)
    }

    private func indent(_ level: Int) -> String {
        level <= 0 ? "" : String(repeating: indentUnit, count: level)
    }

    // MARK: - Measuring

    /// Whether the canonical form of `expr` is longer than ``maxWidth`` bytes (Prometheus counts bytes).
    func needsSplit(_ expr: Expr) -> Bool {
        var budget = maxWidth
        return !Self.consume(expr, budget: &budget)
    }

    /// Subtracts the byte length of `expr`'s canonical form from `budget`, stopping early once the
    /// budget is exhausted so that measuring costs at most about `budget` bytes of printing instead of
    /// the whole subtree. Returns whether the form fits. Mirrors `Printer.write` piece by piece.
    static func consume(_ expr: Expr, budget: inout Int) -> Bool {
        switch expr {
        case .number, .string, .vectorSelector, .matrixSelector:
            budget -= expr.description.utf8.count
        case .stepInvariant(let s):
            return consume(s.expr, budget: &budget)
        case .unary(let u):
            budget -= u.op.rawValue.utf8.count
            return budget >= 0 && consume(u.expr, budget: &budget)
        case .paren(let p):
            budget -= 2
            return budget >= 0 && consume(p.expr, budget: &budget)
        case .call(let c):
            budget -= c.function.name.utf8.count + 2 + 2 * Swift.max(0, c.args.count - 1)
            for arg in c.args where budget >= 0 {
                _ = consume(arg, budget: &budget)
            }
        case .aggregate(let a):
            budget -= Printer.aggregationPrefix(a).utf8.count + 2 + (a.param == nil ? 0 : 2)
            if let param = a.param, budget >= 0 { _ = consume(param, budget: &budget) }
            return budget >= 0 && consume(a.expr, budget: &budget)
        case .binary(let b):
            budget -= Printer.binaryOperator(b).utf8.count + 2
            return budget >= 0 && consume(b.lhs, budget: &budget) && consume(b.rhs, budget: &budget)
        case .subquery(let s):
            budget -= subquerySuffix(s).utf8.count
            return budget >= 0 && consume(s.expr, budget: &budget)
        }
        return budget >= 0
    }

    /// `[range:step] @ … offset …`, what a subquery's canonical form adds after its inner expression.
    static func subquerySuffix(_ s: SubqueryExpr) -> String {
        "[" + Printer.duration(s.range, topLevel: true) + ":" + (s.step.map { Printer.duration($0, topLevel: true) } ?? "")
            + "]" + Printer.modifiers(offset: s.offset, at: s.at)
    }
}

// MARK: - Convenience

extension Expr {
    /// The expression formatted by ``PrettyPrinter`` with Prometheus's defaults (width 100, two-space indent).
    public var prettyDescription: String {
        PrettyPrinter().format(self)
    }
}
