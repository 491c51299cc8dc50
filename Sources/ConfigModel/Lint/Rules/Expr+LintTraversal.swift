import PromQL

// MARK: - Walking queries for lints

extension Expr {
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
