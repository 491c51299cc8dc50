import PromQL

// MARK: - Walking queries for lints

extension Expr {
    /// Calls `body` on this node and every descendant, parents first, children in ``Expr/children``
    /// order (walked in place: a dozen lints walk every rule, and building child arrays dominated).
    func forEachNode(_ body: (Expr) -> Void) {
        body(self)
        switch self {
        case .number, .string, .vectorSelector:
            return
        case .matrixSelector(let m):
            Expr.vectorSelector(m.vectorSelector).forEachNode(body)
        case .subquery(let s):
            s.expr.forEachNode(body)
        case .aggregate(let a):
            a.param?.forEachNode(body)
            a.expr.forEachNode(body)
        case .binary(let b):
            b.lhs.forEachNode(body)
            b.rhs.forEachNode(body)
        case .unary(let u):
            u.expr.forEachNode(body)
        case .call(let c):
            for arg in c.args { arg.forEachNode(body) }
        case .paren(let p):
            p.expr.forEachNode(body)
        case .stepInvariant(let s):
            s.expr.forEachNode(body)
        }
    }

    /// The expression without enclosing parentheses.
    var unwrappingParens: Expr {
        if case .paren(let p) = self { return p.expr.unwrappingParens }
        return self
    }

    /// Every function call in the tree whose name is in `names`.
    func calls(named names: Set<String>) -> [Call] {
        var out: [Call] = []
        forEachNode { node in
            if case .call(let c) = node, names.contains(c.function.name) { out.append(c) }
        }
        return out
    }
}
