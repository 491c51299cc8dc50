// MARK: - Structural comparison

extension Expr {
    /// A copy with every span set to `.none` and selector matchers in sorted order (the printer sorts
    /// them, as Prometheus does), for comparing trees by structure only.
    public func strippingPositions() -> Expr {
        let z = SourceSpan.none
        switch self {
        case .number(var n): n.span = z; return .number(n)
        case .string(var s): s.span = z; return .string(s)
        case .vectorSelector(let vs): return .vectorSelector(vs.strippingPositions())
        case .matrixSelector(var m):
            m.vectorSelector = m.vectorSelector.strippingPositions()
            m.range = m.range.strippingPositions()
            m.span = z
            return .matrixSelector(m)
        case .subquery(var s):
            s.expr = s.expr.strippingPositions()
            s.range = s.range.strippingPositions()
            s.step = s.step?.strippingPositions()
            s.offset = DurationExpr.normalisedOffset(s.offset)
            s.span = z
            return .subquery(s)
        case .aggregate(var a):
            a.expr = a.expr.strippingPositions()
            a.param = a.param?.strippingPositions()
            a.span = z
            return .aggregate(a)
        case .binary(let top):
            let spine = BinarySpine(top)
            return BinarySpine.rebuild(leaf: spine.leaf.strippingPositions(), nodes: spine.nodes) { b in
                b.rhs = b.rhs.strippingPositions()
                b.span = z
            }
        case .unary(var u): u.expr = u.expr.strippingPositions(); u.span = z; return .unary(u)
        case .call(var c): c.args = c.args.map { $0.strippingPositions() }; c.span = z; return .call(c)
        case .paren(var p): p.expr = p.expr.strippingPositions(); p.span = z; return .paren(p)
        case .stepInvariant(var s): s.expr = s.expr.strippingPositions(); s.span = z; return .stepInvariant(s)
        }
    }

    /// Whether two trees are equal ignoring source positions.
    public func structurallyEquals(_ other: Expr) -> Bool {
        strippingPositions() == other.strippingPositions()
    }
}

extension VectorSelector {
    func strippingPositions() -> VectorSelector {
        var copy = self
        copy.span = .none
        copy.matchers = matchers.sorted { $0.description < $1.description }
        copy.offset = DurationExpr.normalisedOffset(offset)
        return copy
    }
}

extension DurationExpr {
    /// An offset without positions, and none at all for a literal zero (`offset 0`, `offset -0m`): the
    /// printers leave such an offset out, as Prometheus's do, and it selects what no offset selects.
    static func normalisedOffset(_ offset: DurationExpr?) -> DurationExpr? {
        if case .number(let n)? = offset, n.value == 0 { return nil }
        return offset?.strippingPositions()
    }

    /// A copy with every span set to `.none`.
    public func strippingPositions() -> DurationExpr {
        let z = SourceSpan.none
        switch self {
        case .number(var n): n.span = z; return .number(n)
        case .step: return .step(z)
        case .range: return .range(z)
        case .unary(let op, let e, _): return .unary(op, e.strippingPositions(), z)
        case .binary(let op, let l, let r): return .binary(op, l.strippingPositions(), r.strippingPositions())
        case .minOf(let a, let b, _): return .minOf(a.strippingPositions(), b.strippingPositions(), z)
        case .maxOf(let a, let b, _): return .maxOf(a.strippingPositions(), b.strippingPositions(), z)
        case .paren(let e, _): return .paren(e.strippingPositions(), z)
        }
    }
}
