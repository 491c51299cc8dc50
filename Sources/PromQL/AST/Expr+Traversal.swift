// MARK: - Walking trees without deep recursion

/// A chain of binary operations down the left operands: `a + b - c * d` is the spine `[(… - …), (a + b)]`
/// over the leaf `a`. The parser builds left-associative chains (`a + a + … + a` with thousands of terms)
/// as left-deep trees whose depth is the chain's length, not its nesting; walkers fold such a chain in a
/// loop over its spine and recurse only into right operands, whose depth the parser's nesting limit bounds.
public struct BinarySpine: Sendable {
    /// The binary nodes from the top of the chain down to the innermost one.
    public var nodes: [BinaryExpr]
    /// The left operand of the innermost node: the first one down the chain that is not a binary operation.
    public var leaf: Expr

    /// The spine of `top`: `top`, its left operand while that is binary, and so on.
    public init(_ top: BinaryExpr) {
        var nodes = [top]
        var current = top.lhs
        while case .binary(let b) = current {
            nodes.append(b)
            current = b.lhs
        }
        self.nodes = nodes
        self.leaf = current
    }

    /// Rebuilds the chain over `leaf` from `nodes` bottom-up, each node's left operand being the chain
    /// below it; `transform` may change each node (its `lhs` is already the rebuilt chain below).
    public static func rebuild(leaf: Expr, nodes: [BinaryExpr], _ transform: (inout BinaryExpr) throws -> Void) rethrows
        -> Expr {
        var result = leaf
        for var node in nodes.reversed() {
            node.lhs = result
            try transform(&node)
            result = .binary(node)
        }
        return result
    }
}

extension Expr {
    /// Calls `body` on this node and every descendant, parents first, children in ``children`` order.
    /// Walks with an explicit stack, so arbitrarily deep trees (long binary chains) are safe.
    public func forEachNode(_ body: (Expr) throws -> Void) rethrows {
        var stack = [self]
        while let e = stack.popLast() {
            try body(e)
            switch e {
            case .number, .string, .vectorSelector:
                continue
            case .matrixSelector(let m):
                stack.append(.vectorSelector(m.vectorSelector))
            case .subquery(let s):
                stack.append(s.expr)
            case .aggregate(let a):
                stack.append(a.expr)
                if let p = a.param { stack.append(p) }
            case .binary(let b):
                stack.append(b.rhs)
                stack.append(b.lhs)
            case .unary(let u):
                stack.append(u.expr)
            case .call(let c):
                stack.append(contentsOf: c.args.reversed())
            case .paren(let p):
                stack.append(p.expr)
            case .stepInvariant(let s):
                stack.append(s.expr)
            }
        }
    }
}

// MARK: - Equality and hashing of chains

extension BinaryExpr {
    /// Compares chains node by node down the left spine (the synthesized comparison recursed once per
    /// chain element and overflowed the stack on long chains).
    public static func == (a: BinaryExpr, b: BinaryExpr) -> Bool {
        var x = a, y = b
        while true {
            guard x.op == y.op, x.returnBool == y.returnBool, x.span == y.span, x.matching == y.matching,
                  x.rhs == y.rhs else { return false }
            switch (x.lhs, y.lhs) {
            case (.binary(let l), .binary(let r)):
                x = l
                y = r
            default:
                return x.lhs == y.lhs
            }
        }
    }

    public func hash(into hasher: inout Hasher) {
        var x = self
        while true {
            hasher.combine(x.op)
            hasher.combine(x.returnBool)
            hasher.combine(x.span)
            hasher.combine(x.matching)
            hasher.combine(x.rhs)
            guard case .binary(let l) = x.lhs else {
                hasher.combine(x.lhs)
                return
            }
            x = l
        }
    }
}
