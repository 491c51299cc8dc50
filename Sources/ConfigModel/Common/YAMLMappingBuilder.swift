import PromModel
import YAML

/// Builds a YAML mapping node in code, keeping key order, for generating configuration files.
public struct YAMLMappingBuilder: Sendable {
    private var pairs: [(String, YAMLNode)] = []

    public init() {}

    /// Adds `key: node`.
    public mutating func add(_ key: String, _ node: YAMLNode) { pairs.append((key, node)) }

    /// Adds `key: "string"` (quoted only when needed).
    public mutating func add(_ key: String, _ value: String) { pairs.append((key, .string(value))) }

    /// Adds `key: value` for a present optional string.
    public mutating func add(_ key: String, _ value: String?) {
        if let value { add(key, value) }
    }

    /// Adds `key: 15s`.
    public mutating func add(_ key: String, _ duration: Duration?) {
        if let duration { pairs.append((key, .scalar(duration.description))) }
    }

    /// Adds `key: true|false`.
    public mutating func add(_ key: String, bool: Bool) { pairs.append((key, .scalar(bool ? "true" : "false"))) }

    /// Adds `key: 42`.
    public mutating func add(_ key: String, int: Int) { pairs.append((key, .scalar(String(int)))) }

    /// Adds a mapping of string pairs in the given order, if not empty.
    public mutating func add(_ key: String, pairs entries: [(String, String)]) {
        guard !entries.isEmpty else { return }
        pairs.append((key, .mapping(entries.map { ($0.0, YAMLNode.string($0.1)) })))
    }

    /// Adds a sequence if not empty.
    public mutating func add(_ key: String, items: [YAMLNode]) {
        if !items.isEmpty { pairs.append((key, .sequence(items))) }
    }

    public var isEmpty: Bool { pairs.isEmpty }

    /// The mapping built so far.
    public var node: YAMLNode { .mapping(pairs) }
}
