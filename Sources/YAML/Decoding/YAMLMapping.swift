import Diagnostics

/// A mapping node checked by ``YAMLDecodingContext/mapping(_:allowed:what:)``, with lookup by key.
public struct YAMLMapping: Sendable {
    /// The mapping node itself (or the null node that stood for an empty mapping).
    public let node: YAMLNode
    /// The entries, in source order.
    public let pairs: [YAMLNode.Pair]
    private let index: [String: Int]?

    public init(node: YAMLNode) {
        self.node = node
        self.pairs = node.mapping ?? []
        if pairs.count > 8 {
            var index: [String: Int] = [:]
            for (i, pair) in pairs.enumerated() {
                if let key = pair.key.scalar?.value, index[key] == nil { index[key] = i }
            }
            self.index = index
        } else {
            self.index = nil
        }
    }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        return pairs.firstIndex { $0.key.scalar?.value == key }
    }

    /// The value for `key`, or `nil` when absent.
    public subscript(key: String) -> YAMLNode? {
        position(of: key).map { pairs[$0].value }
    }

    /// The key node for `key` (for positions), or `nil` when absent.
    public func keyNode(_ key: String) -> YAMLNode? {
        position(of: key).map { pairs[$0].key }
    }

    /// Whether `key` is present (even with a null value).
    public func contains(_ key: String) -> Bool { position(of: key) != nil }

    /// The scalar keys, in source order.
    public var keys: [String] { pairs.compactMap { $0.key.scalar?.value } }

    /// Where the mapping starts.
    public var location: SourceLocation { node.location }

    public var isEmpty: Bool { pairs.isEmpty }
    public var count: Int { pairs.count }
}
