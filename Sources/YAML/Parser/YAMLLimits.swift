/// Resource limits applied while parsing YAML and JSON, so that hostile or broken input ends in an
/// error rather than exhausting memory or the stack.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest input accepted, in bytes.
    public var maxBytes: Int
    /// Deepest nesting of sequences and mappings (the root collection is depth 1), counting what
    /// aliases expand to.
    public var maxDepth: Int
    /// Most nodes that alias references may add to a stream in total. An alias to a subtree of
    /// `n` nodes adds `n`. This is what stops a "billion laughs" file: it is counted in O(1) per
    /// alias, and expansion never copies (node storage is shared), so memory stays bounded.
    public var maxAliasExpansion: Int
    /// Most scalars, sequences and mappings created from the source text itself.
    public var maxNodes: Int

    /// Limits with the given caps (the defaults are those of `default`).
    public init(maxBytes: Int = 64 << 20, maxDepth: Int = 256, maxAliasExpansion: Int = 1_000_000,
                maxNodes: Int = 20_000_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.maxNodes = maxNodes
    }

    /// 64 MiB, depth 256, one million alias-expanded nodes, twenty million nodes.
    public static let `default` = YAMLLimits()
}
