// MARK: - Shape queries

extension YAMLNode {
    /// The scalar, if this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let s) = kind { return s }
        return nil
    }

    /// The scalar's text, if this node is a scalar.
    public var scalarValue: String? { scalar?.value }

    /// The items, if this node is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The pairs, if this node is a mapping.
    public var mapping: [Pair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// The type of the node: core-schema resolution for scalars, `.sequence` or `.mapping` otherwise.
    public var resolvedType: YAMLResolvedType {
        switch kind {
        case .scalar(let s): return s.resolvedType(tag: tag)
        case .sequence: return .sequence
        case .mapping: return .mapping
        }
    }

    /// Whether the node is a null scalar (`~`, `null`, empty plain scalar or `!!null`).
    public var isNull: Bool { resolvedType == .null }

    /// The value for the first key whose scalar text is `key`, if this node is a mapping.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = kind else { return nil }
        for pair in pairs where pair.key.scalar?.value == key { return pair.value }
        return nil
    }

    /// The item at `index`, if this node is a sequence and the index is in range.
    public subscript(index: Int) -> YAMLNode? {
        guard case .sequence(let items) = kind, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// Number of nodes in the tree rooted here (aliases count with their full expansion).
    public var treeSize: Int {
        switch kind {
        case .scalar: return 1
        case .sequence(let items): return items.reduce(1) { $0 + $1.treeSize }
        case .mapping(let pairs): return pairs.reduce(1) { $0 + $1.key.treeSize + $1.value.treeSize }
        }
    }

    // MARK: - Equivalence

    /// Structural equality that ignores positions, files, anchors and scalar styles but keeps
    /// meaning: two scalars are equivalent when their text and resolved type are equal
    /// (so plain `true` and quoted `"true"` differ, while `'a'` and `"a"` do not).
    public func isEquivalent(to other: YAMLNode) -> Bool {
        switch (kind, other.kind) {
        case let (.scalar(a), .scalar(b)):
            let ta = resolvedType, tb = other.resolvedType
            guard ta == tb else { return false }
            // Nulls are equal whatever their spelling.
            return ta == .null || a.value == b.value
        case let (.sequence(a), .sequence(b)):
            guard a.count == b.count, tag == other.tag else { return false }
            return zip(a, b).allSatisfy { $0.isEquivalent(to: $1) }
        case let (.mapping(a), .mapping(b)):
            guard a.count == b.count, tag == other.tag else { return false }
            return zip(a, b).allSatisfy { $0.key.isEquivalent(to: $1.key) && $0.value.isEquivalent(to: $1.value) }
        default:
            return false
        }
    }
}
