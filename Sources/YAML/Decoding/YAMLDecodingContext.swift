import Diagnostics

/// Typed access to a node tree for decoders, collecting diagnostics instead of stopping at the first.
///
/// Every accessor returns `nil` (and records a diagnostic positioned at the node) when the node
/// has the wrong shape or type. Accessors taking `YAMLNode?` return `nil` silently for an absent node,
/// and scalar accessors return `nil` silently for a null node (`key:` or `key: ~`), as Go's YAML
/// decoders leave such fields at their defaults. Collections accept null as empty.
///
/// ```swift
/// var ctx = YAMLDecodingContext()
/// guard let m = ctx.mapping(node, allowed: ["job_name", "scrape_interval"], what: "scrape config") else { return nil }
/// let name = ctx.string(m["job_name"])
/// let interval = ctx.scalar(m["scrape_interval"], as: "duration", parse: Duration.parse)
/// ```
public struct YAMLDecodingContext: Sendable {
    /// Everything reported so far, in order.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Sets of allowed keys already built, with the arrays they were built from (kept alive, so that an
    /// array's storage address identifies it for as long as it is cached).
    private var keySets: [(keys: [String], set: Set<String>)] = []

    public init() {}

    /// A set of `keys` for lookups, or `nil` when the list is short enough to search directly.
    /// Decoders pass the same few static key lists for thousands of mappings: each is hashed once.
    private mutating func keySet(_ keys: [String]) -> Set<String>? {
        guard keys.count > 16 else { return nil }
        let address = keys.withUnsafeBufferPointer { $0.baseAddress }
        for entry in keySets where entry.keys.count == keys.count
            && entry.keys.withUnsafeBufferPointer({ $0.baseAddress }) == address {
            return entry.set
        }
        let set = Set(keys)
        if keySets.count >= 32 { keySets.removeFirst() }
        keySets.append((keys, set))
        return set
    }

    /// Whether any error was reported.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    // MARK: - Reporting

    /// Records a diagnostic.
    public mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Records an error positioned at `node`.
    public mutating func error(_ code: String, _ message: String, at node: YAMLNode, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(code, message, at: node.location, notes: notes))
    }

    /// Records a warning positioned at `node`.
    public mutating func warning(_ code: String, _ message: String, at node: YAMLNode, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.warning(code, message, at: node.location, notes: notes))
    }

    /// Records `yaml/wrong-type`: "expected <expected>[ for <what>], got <actual>".
    public mutating func wrongType(_ node: YAMLNode, expected: String, what: String? = nil) {
        let subject = what.map { " for \($0)" } ?? ""
        error(YAMLDiagnosticCode.wrongType, "expected \(expected)\(subject), got \(Self.describe(node))", at: node)
    }

    /// "a sequence", "a string \"abc\"", "an integer 5" — what a node is, for messages.
    public static func describe(_ node: YAMLNode) -> String {
        let type = node.resolvedType
        switch type {
        case .null, .sequence, .mapping: return type.description
        default:
            let text = node.scalarValue ?? ""
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return "\(type) \"\(shown)\""
        }
    }

    // MARK: - Collections

    /// Checks that `node` is a mapping (null counts as empty) and, when `allowed` is given, that every
    /// key is in it: each other key gets `yaml/unknown-key` with a "did you mean" suggestion and the
    /// list of allowed keys. Returns `nil` only when the node is not a mapping.
    public mutating func mapping(_ node: YAMLNode, allowed: [String]? = nil, what: String? = nil) -> YAMLMapping? {
        if node.isNull { return YAMLMapping(node: node) }
        guard let pairs = node.mapping else {
            wrongType(node, expected: "a mapping", what: what)
            return nil
        }
        if let allowed {
            let allowedSet = keySet(allowed)
            for pair in pairs {
                guard let key = pair.key.scalarValue else {
                    wrongType(pair.key, expected: "a string key", what: what)
                    continue
                }
                guard !(allowedSet?.contains(key) ?? allowed.contains(key)) else { continue }
                let inWhat = what.map { " in \($0)" } ?? ""
                let hint = Suggestion.didYouMean(key, in: allowed)
                error(YAMLDiagnosticCode.unknownKey, "unknown key \"\(key)\"\(inWhat)\(hint)", at: pair.key,
                      notes: [Diagnostic.Note("allowed keys: " + allowed.joined(separator: ", "))])
            }
        }
        return YAMLMapping(node: node)
    }

    /// ``mapping(_:allowed:what:)`` for an optional node: `nil` without a diagnostic when absent.
    public mutating func mapping(_ node: YAMLNode?, allowed: [String]? = nil, what: String? = nil) -> YAMLMapping? {
        guard let node else { return nil }
        return mapping(node, allowed: allowed, what: what)
    }

    /// The items of a sequence (null counts as empty); `nil` with `yaml/wrong-type` otherwise.
    public mutating func sequence(_ node: YAMLNode?, what: String? = nil) -> [YAMLNode]? {
        guard let node else { return nil }
        if node.isNull { return [] }
        guard let items = node.sequence else {
            wrongType(node, expected: "a sequence", what: what)
            return nil
        }
        return items
    }

    /// Decodes each item of a sequence with `element`, dropping items it rejects (it reports why).
    public mutating func list<T>(_ node: YAMLNode?, what: String? = nil,
                                 _ element: (inout YAMLDecodingContext, YAMLNode) -> T?) -> [T]? {
        guard let items = sequence(node, what: what) else { return nil }
        var out: [T] = []
        out.reserveCapacity(items.count)
        for item in items {
            if let value = element(&self, item) { out.append(value) }
        }
        return out
    }

    /// A sequence of strings.
    public mutating func stringList(_ node: YAMLNode?, what: String? = nil) -> [String]? {
        list(node, what: what) { ctx, item in ctx.string(item, what: what.map { "an item of \($0)" }) }
    }

    /// A mapping of string keys to string values, in source order (null values are skipped).
    public mutating func stringPairs(_ node: YAMLNode?, what: String? = nil) -> [(key: String, value: String)]? {
        guard let node, let m = mapping(node, what: what) else { return nil }
        var out: [(key: String, value: String)] = []
        out.reserveCapacity(m.count)
        for pair in m.pairs {
            guard let key = string(pair.key, what: "a key"), let value = string(pair.value, what: what) else { continue }
            out.append((key, value))
        }
        return out
    }

    /// A mapping of string keys to string values.
    public mutating func stringMap(_ node: YAMLNode?, what: String? = nil) -> [String: String]? {
        guard let pairs = stringPairs(node, what: what) else { return nil }
        return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }

    /// The value of a key that must be present: `yaml/missing-key` at the mapping otherwise.
    public mutating func required(_ key: String, in mapping: YAMLMapping, what: String? = nil) -> YAMLNode? {
        if let value = mapping[key], !value.isNull { return value }
        let inWhat = what.map { " in \($0)" } ?? ""
        error(YAMLDiagnosticCode.missingKey, "missing required key \"\(key)\"\(inWhat)",
              at: mapping.keyNode(key) ?? mapping.node)
        return nil
    }
}
