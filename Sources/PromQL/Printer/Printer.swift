import GoCompat
import PromModel

/// The canonical single-line form of an expression, as Prometheus's `String()` prints it.
/// The output parses back to the same tree (ignoring positions).
extension Expr: CustomStringConvertible {
    public var description: String {
        var out = ""
        Printer.write(self, to: &out)
        return out
    }
}

extension DurationExpr: CustomStringConvertible {
    public var description: String { Printer.duration(self, topLevel: false) }
}

/// Writes expressions in canonical form.
enum Printer {
    static func write(_ e: Expr, to out: inout String) {
        switch e {
        case .number(let n): out += number(n)
        case .string(let s): out += s.goQuoted
        case .paren(let p):
            out += "("
            write(p.expr, to: &out)
            out += ")"
        case .stepInvariant(let s): write(s.expr, to: &out)
        case .unary(let u):
            out += u.op.rawValue
            write(u.expr, to: &out)
        case .call(let c):
            out += c.function.name + "("
            for (i, arg) in c.args.enumerated() {
                if i > 0 { out += ", " }
                write(arg, to: &out)
            }
            out += ")"
        case .aggregate(let a):
            out += aggregationPrefix(a) + "("
            if let p = a.param {
                write(p, to: &out)
                out += ", "
            }
            write(a.expr, to: &out)
            out += ")"
        case .binary(let b):
            let spine = BinarySpine(b)
            write(spine.leaf, to: &out)
            for node in spine.nodes.reversed() {
                out += " " + binaryOperator(node) + " "
                write(node.rhs, to: &out)
            }
        case .vectorSelector(let vs):
            out += selectorBody(vs) + modifiers(offset: vs.offset, at: vs.at) + extended(vs)
        case .matrixSelector(let m):
            let vs = m.vectorSelector
            out += selectorBody(vs) + "[" + duration(m.range, topLevel: true) + "]"
                + modifiers(offset: vs.offset, at: vs.at) + extended(vs)
        case .subquery(let s):
            write(s.expr, to: &out)
            out += "[" + duration(s.range, topLevel: true) + ":"
            if let step = s.step { out += duration(step, topLevel: true) }
            out += "]" + modifiers(offset: s.offset, at: s.at)
        }
    }

    // MARK: - Pieces

    static func number(_ n: NumberLiteral) -> String {
        n.isDuration ? durationLiteral(n.value) : GoFloatFormat.f(n.value)
    }

    /// A literal in seconds as a Prometheus duration (`1h30m`, `-5m`, `0s`).
    static func durationLiteral(_ seconds: Double) -> String {
        let ms = (seconds * 1000).rounded()
        guard ms.isFinite, abs(ms) < 9.2e18 else { return GoFloatFormat.f(seconds) }
        let value = Int64(ms)
        if value < 0 { return "-" + Duration(milliseconds: -value).description }
        return Duration(milliseconds: value).description
    }

    static func duration(_ d: DurationExpr, topLevel: Bool) -> String {
        switch d {
        case .number(let n): return topLevel || n.isDuration ? durationLiteral(n.value) : GoFloatFormat.f(n.value)
        case .step: return "step()"
        case .range: return "range()"
        case .unary(let op, let e, _): return op.rawValue + duration(e, topLevel: false)
        case .binary(let op, let l, let r):
            return duration(l, topLevel: false) + " " + op.rawValue + " " + duration(r, topLevel: false)
        case .minOf(let a, let b, _):
            return "min_of(" + duration(a, topLevel: false) + ", " + duration(b, topLevel: false) + ")"
        case .maxOf(let a, let b, _):
            return "max_of(" + duration(a, topLevel: false) + ", " + duration(b, topLevel: false) + ")"
        case .paren(let e, _): return "(" + duration(e, topLevel: false) + ")"
        }
    }

    static func joinLabels(_ labels: [String]) -> String {
        labels.map(Labels.formatName).joined(separator: ", ")
    }

    static func aggregationPrefix(_ a: AggregateExpr) -> String {
        var s = a.op.rawValue
        if a.without {
            s += " without (" + joinLabels(a.grouping) + ") "
        } else if !a.grouping.isEmpty {
            s += " by (" + joinLabels(a.grouping) + ") "
        }
        return s
    }

    static func binaryOperator(_ b: BinaryExpr) -> String {
        var s = b.op.rawValue
        if b.returnBool { s += " bool" }
        if let m = b.matching {
            let grouped = m.cardinality == .manyToOne || m.cardinality == .oneToMany
            if !m.matchingLabels.isEmpty || m.on || grouped {
                s += (m.on ? " on (" : " ignoring (") + joinLabels(m.matchingLabels) + ")"
                if grouped {
                    s += (m.cardinality == .manyToOne ? " group_left (" : " group_right (")
                        + joinLabels(m.include) + ")"
                }
            }
            s += fill(m.fill)
        }
        return s
    }

    static func fill(_ f: FillValues) -> String {
        switch (f.lhs, f.rhs) {
        case (nil, nil): return ""
        case let (l?, r?) where l == r || (l.isNaN && r.isNaN): return " fill (" + GoFloatFormat.f(l) + ")"
        default:
            var s = ""
            if let l = f.lhs { s += " fill_left (" + GoFloatFormat.f(l) + ")" }
            if let r = f.rhs { s += " fill_right (" + GoFloatFormat.f(r) + ")" }
            return s
        }
    }

    static func selectorBody(_ vs: VectorSelector) -> String {
        var parts: [String] = []
        for m in vs.matchers {
            if m.name == Label.metricName && m.type == .equal && m.value == vs.name && !m.value.isEmpty { continue }
            parts.append(m.description)
        }
        if parts.isEmpty { return vs.name }
        parts.sort()
        return vs.name + "{" + parts.joined(separator: ",") + "}"
    }

    static func modifiers(offset: DurationExpr?, at: AtModifier?) -> String {
        var s = ""
        switch at {
        case .timestamp(let ms)?: s += " @ " + GoFloatFormat.fixed3(Double(ms) / 1000)
        case .start?: s += " @ start()"
        case .end?: s += " @ end()"
        case nil: break
        }
        if let offset {
            if case .number(let n) = offset, n.value == 0 {
            } else {
                s += " offset " + duration(offset, topLevel: true)
            }
        }
        return s
    }

    static func extended(_ vs: VectorSelector) -> String {
        (vs.anchored ? " anchored" : "") + (vs.smoothed ? " smoothed" : "")
    }
}
