import Diagnostics

/// One node of a parsed YAML (or JSON) document: a scalar, a sequence or a mapping,
/// together with where it came from.
///
/// Nodes are values. Aliases are already expanded when a tree comes out of ``YAMLParser``
/// (copies share storage, so expansion costs no memory), and merge keys (`<<`) are applied.
/// Positions are 1-based; columns count Unicode scalars.
public struct YAMLNode: Sendable {
    /// What a node holds.
    public enum Kind: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        /// Key/value pairs in source order.
        case mapping([Pair])
    }

    /// One entry of a mapping.
    public struct Pair: Sendable {
        public var key: YAMLNode
        public var value: YAMLNode

        public init(key: YAMLNode, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    /// The content of the node.
    public var kind: Kind
    /// The explicit tag in full form (`tag:yaml.org,2002:str`, `!secret`), or `nil` when the node had none.
    /// The non-specific tag `!` is kept as `"!"`.
    public var tag: String?
    /// The anchor name the node was defined with (`&name`), if any.
    public var anchor: String?
    /// The file the node came from, as the user named it (`<stdin>` for standard input).
    public var file: String

    // Compact storage of the source range; see `range`.
    var startLine: Int32
    var startColumn: Int32
    var endLine: Int32
    var endColumn: Int32

    // MARK: - Initialisers

    /// A node with an explicit source range.
    public init(_ kind: Kind, range: SourceRange, tag: String? = nil, anchor: String? = nil) {
        self.kind = kind
        self.tag = tag
        self.anchor = anchor
        self.file = range.start.file
        self.startLine = Int32(clamping: range.start.line)
        self.startColumn = Int32(clamping: range.start.column)
        self.endLine = Int32(clamping: range.end.line)
        self.endColumn = Int32(clamping: range.end.column)
    }

    /// A node built in code (for the writer), placed at line 0 column 0 of `file`.
    public init(_ kind: Kind, file: String = "<generated>", tag: String? = nil) {
        self.kind = kind
        self.tag = tag
        self.anchor = nil
        self.file = file
        self.startLine = 0
        self.startColumn = 0
        self.endLine = 0
        self.endColumn = 0
    }

    /// Internal fast initialiser used by the parsers (positions already 1-based).
    init(kind: Kind, file: String, start: (line: Int32, column: Int32), end: (line: Int32, column: Int32),
         tag: String?, anchor: String?) {
        self.kind = kind
        self.tag = tag
        self.anchor = anchor
        self.file = file
        self.startLine = start.line
        self.startColumn = start.column
        self.endLine = end.line
        self.endColumn = end.column
    }

    // MARK: - Convenience constructors

    /// A plain scalar built in code.
    public static func scalar(_ value: String, style: YAMLScalar.Style = .plain, tag: String? = nil) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(value, style: style)), tag: tag)
    }

    /// A string scalar built in code: the writer quotes it if needed so it reads back as a string.
    public static func string(_ value: String) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(value, style: .doubleQuoted)))
    }

    /// A sequence built in code.
    public static func sequence(_ items: [YAMLNode]) -> YAMLNode {
        YAMLNode(.sequence(items))
    }

    /// A mapping built in code, keeping the order given.
    public static func mapping(_ pairs: [(String, YAMLNode)]) -> YAMLNode {
        YAMLNode(.mapping(pairs.map { Pair(key: .string($0.0), value: $0.1) }))
    }

    // MARK: - Positions

    /// Where the node starts.
    public var location: SourceLocation {
        SourceLocation(file: file, line: Int(startLine), column: Int(startColumn))
    }

    /// Where the node starts and ends (the end is the position just after the node).
    public var range: SourceRange {
        SourceRange(start: location, end: SourceLocation(file: file, line: Int(endLine), column: Int(endColumn)))
    }
}
