/// The type a scalar resolves to.
///
/// labctl follows the YAML 1.2 **core schema** (as Go's yaml.v3 does): plain `null ~ ''` are null,
/// `true/false` (three casings) are booleans, `[-+]?[0-9]+`, `0x…`, `0o…` (and `0b…`) are integers,
/// decimal/exponent forms and `.inf`/`.nan` are floats, everything else is a string. The YAML 1.1
/// words `yes/no/on/off` therefore resolve to *strings*; ``YAMLDecodingContext/bool(_:)`` still
/// accepts them where a boolean is expected, because Prometheus (yaml.v2) reads them as booleans,
/// and the writer quotes them so that files it produces mean the same thing to both readers.
public enum YAMLResolvedType: Sendable, Hashable, CustomStringConvertible {
    case null
    case bool
    case int
    case float
    case string
    /// A node carrying a tag outside the core schema (`!secret`, `!!binary`, `!!timestamp`…), in full form.
    case custom(String)
    case sequence
    case mapping

    /// The type with an article, for messages: "a string", "an integer", "null".
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int: return "an integer"
        case .float: return "a float"
        case .string: return "a string"
        case .custom(let tag): return "a value tagged \(YAMLTag.shortForm(tag))"
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        }
    }
}

/// Well-known tags and their short forms.
public enum YAMLTag {
    public static let prefix = "tag:yaml.org,2002:"
    public static let str = "tag:yaml.org,2002:str"
    public static let int = "tag:yaml.org,2002:int"
    public static let float = "tag:yaml.org,2002:float"
    public static let bool = "tag:yaml.org,2002:bool"
    public static let null = "tag:yaml.org,2002:null"
    public static let seq = "tag:yaml.org,2002:seq"
    public static let map = "tag:yaml.org,2002:map"
    public static let merge = "tag:yaml.org,2002:merge"

    /// `!!int` for a core tag, `!local` for a local tag, `!<uri>` otherwise.
    public static func shortForm(_ tag: String) -> String {
        if tag.hasPrefix(prefix) { return "!!" + tag.dropFirst(prefix.count) }
        if tag.hasPrefix("!") { return tag }
        return "!<\(tag)>"
    }
}
