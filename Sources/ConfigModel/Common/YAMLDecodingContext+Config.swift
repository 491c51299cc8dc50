import Diagnostics
import PromModel
import YAML

// MARK: - Prometheus scalar types

extension YAMLDecodingContext {
    /// A Prometheus duration (`15s`, `1h30m`); `yaml/invalid-value` when malformed.
    mutating func duration(_ node: YAMLNode?, what: String? = nil) -> Duration? {
        scalar(node, as: "duration", what: what, parse: Duration.parse)
    }

    /// A non-negative integer (limits, counts).
    mutating func count(_ node: YAMLNode?, what: String? = nil) -> Int? {
        int(node, in: 0...Int.max, what: what)
    }

    /// A size such as `10MB`, `512KiB` or `0` in bytes (Prometheus's `units.Base2Bytes`).
    mutating func byteSize(_ node: YAMLNode?, what: String? = nil) -> Int64? {
        scalar(node, as: "size", what: what, parse: ByteSize.parse)
    }

    /// A string, with its location.
    mutating func locatedString(_ node: YAMLNode?, what: String? = nil) -> Located<String>? {
        guard let node, let s = string(node, what: what) else { return nil }
        return Located(s, at: node.location)
    }

    /// A list of strings, each with its location.
    mutating func locatedStrings(_ node: YAMLNode?, what: String? = nil) -> [Located<String>]? {
        list(node, what: what) { ctx, item in ctx.locatedString(item, what: what.map { "an item of \($0)" }) }
    }

    /// A mapping of string keys to string values, each entry located at its key.
    mutating func labelPairs(_ node: YAMLNode?, what: String? = nil) -> [LabelEntry]? {
        guard let node, let m = mapping(node, what: what) else { return nil }
        var out: [LabelEntry] = []
        for pair in m.pairs {
            guard let key = string(pair.key, what: "a key"), let value = string(pair.value, what: what) else {
                continue
            }
            out.append(LabelEntry(name: key, value: value, location: pair.key.location,
                                  valueLocation: pair.value.location))
        }
        return out
    }
}

/// One `name: value` entry of a labels/annotations/headers mapping, with positions.
public struct LabelEntry: Hashable, Sendable {
    public var name: String
    public var value: String
    /// Where the key is.
    public var location: SourceLocation?
    /// Where the value is.
    public var valueLocation: SourceLocation?

    public init(name: String, value: String, location: SourceLocation? = nil, valueLocation: SourceLocation? = nil) {
        self.name = name
        self.value = value
        self.location = location
        self.valueLocation = valueLocation
    }
}
