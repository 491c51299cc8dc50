import GoCompat
import Diagnostics
import PromModel
import PromQL

/// `/api/v1/parse_query`'s tree: each node an object with Prometheus's keys in Go's (sorted) order,
/// as its `translateAST` writes it (`{"type":"vectorSelector","name":"up",…}`).
enum ParseQueryJSON {
    static func node(_ expr: Expr) -> String {
        switch expr {
        case .aggregate(let a):
            return "{\"expr\":" + node(a.expr) + ",\"grouping\":" + strings(a.grouping) + ",\"op\":"
                + QueryResultJSON.quote(a.op.rawValue) + ",\"param\":" + (a.param.map(node) ?? "null")
                + ",\"type\":\"aggregation\",\"without\":\(a.without)}"
        case .binary(let b):
            return binaryChain(b)
        case .call(let c):
            let f = c.function
            return "{\"args\":[" + c.args.map(node).joined(separator: ",") + "],\"func\":{\"argTypes\":"
                + strings(f.argTypes.map(\.rawValue)) + ",\"name\":" + QueryResultJSON.quote(f.name) + ",\"returnType\":"
                + QueryResultJSON.quote(f.returnType.rawValue) + ",\"variadic\":\(f.variadic)},\"type\":\"call\"}"
        case .matrixSelector(let m):
            let vs = m.vectorSelector
            return "{\"matchers\":" + matchers(vs.matchers) + ",\"name\":" + QueryResultJSON.quote(vs.name) + ",\"offset\":"
                + "\(vs.offsetMilliseconds ?? 0),\"range\":\(m.range.constantMilliseconds ?? 0)"
                + at(vs.at) + ",\"type\":\"matrixSelector\"}"
        case .subquery(let s):
            let offset = s.offset?.constantMilliseconds ?? 0
            return "{\"expr\":" + node(s.expr) + ",\"offset\":\(offset),\"range\":\(s.range.constantMilliseconds ?? 0)"
                + at(s.at, step: s.step?.constantMilliseconds ?? 0) + ",\"type\":\"subquery\"}"
        case .number(let n):
            return "{\"type\":\"numberLiteral\",\"val\":" + QueryResultJSON.quote(GoFloatFormat.f(n.value)) + "}"
        case .string(let s):
            return "{\"type\":\"stringLiteral\",\"val\":" + QueryResultJSON.quote(s.value) + "}"
        case .paren(let p):
            return "{\"expr\":" + node(p.expr) + ",\"type\":\"parenExpr\"}"
        case .unary(let u):
            return "{\"expr\":" + node(u.expr) + ",\"op\":" + QueryResultJSON.quote(u.op.rawValue) + ",\"type\":\"unaryExpr\"}"
        case .vectorSelector(let vs):
            return "{\"matchers\":" + matchers(vs.matchers) + ",\"name\":" + QueryResultJSON.quote(vs.name)
                + ",\"offset\":\(vs.offsetMilliseconds ?? 0)" + at(vs.at) + ",\"type\":\"vectorSelector\"}"
        case .stepInvariant(let s):
            return node(s.expr)
        }
    }

    /// A binary chain written in a loop over its left spine: every node's opening down to the innermost
    /// left operand, then each node's right side outwards (no recursion per term of `a + a + … + a`).
    private static func binaryChain(_ top: BinaryExpr) -> String {
        let spine = BinarySpine(top)
        var out = ""
        for b in spine.nodes { out += "{\"bool\":\(b.returnBool),\"lhs\":" }
        out += node(spine.leaf)
        for b in spine.nodes.reversed() {
            var matching = "null"
            if let m = b.matching {
                matching = "{\"card\":" + QueryResultJSON.quote(m.cardinality.rawValue) + ",\"include\":" + strings(m.include)
                    + ",\"labels\":" + strings(m.matchingLabels) + ",\"on\":\(m.on)}"
            }
            out += ",\"matching\":" + matching + ",\"op\":" + QueryResultJSON.quote(b.op.rawValue) + ",\"rhs\":"
                + node(b.rhs) + ",\"type\":\"binaryExpr\"}"
        }
        return out
    }

    private static func strings(_ list: [String]) -> String {
        "[" + list.map { QueryResultJSON.quote($0) }.joined(separator: ",") + "]"
    }

    private static func matchers(_ list: [LabelMatcher]) -> String {
        "[" + list.map { "{\"name\":" + QueryResultJSON.quote($0.name) + ",\"type\":" + QueryResultJSON.quote($0.type.rawValue)
            + ",\"value\":" + QueryResultJSON.quote($0.value) + "}" }.joined(separator: ",") + "]"
    }

    /// `,"startOrEnd":…[,"step":…],"timestamp":…` for an `@` modifier (keys in sorted order).
    private static func at(_ modifier: AtModifier?, step: Int64? = nil) -> String {
        var startOrEnd = "null", timestamp = "null"
        switch modifier {
        case .timestamp(let ms): timestamp = "\(ms)"
        case .start: startOrEnd = "\"start\""
        case .end: startOrEnd = "\"end\""
        case nil: break
        }
        return ",\"startOrEnd\":" + startOrEnd + (step.map { ",\"step\":\($0)" } ?? "") + ",\"timestamp\":" + timestamp
    }
}
