import GoCompat

/// An immutable, sorted set of labels identifying a series, like Prometheus's `labels.Labels`.
///
/// Names are unique and kept sorted by name, so equality, hashing and printing are canonical.
/// Labels with an empty value are dropped on construction, as Prometheus does.
public struct Labels: Hashable, Sendable, RandomAccessCollection, CustomStringConvertible, Comparable {
    public private(set) var pairs: [Label]

    /// The empty label set.
    public static let empty = Labels(sortedUnique: [])

    /// Builds labels from pairs in any order. A later pair with the same name wins.
    public init(_ labels: [Label]) {
        var sorted = labels.filter { !$0.value.isEmpty }
        sorted.sort { $0.name < $1.name }
        var unique: [Label] = []
        unique.reserveCapacity(sorted.count)
        for label in sorted {
            if let last = unique.last, last.name == label.name {
                unique[unique.count - 1] = label
            } else {
                unique.append(label)
            }
        }
        self.pairs = unique
    }

    /// Builds labels from a dictionary.
    public init(_ dictionary: [String: String]) {
        self.init(dictionary.map { Label($0.key, $0.value) })
    }

    /// Wraps pairs that are already sorted by name, unique and without empty values.
    public init(sortedUnique pairs: [Label]) {
        self.pairs = pairs
    }

    public var startIndex: Int { pairs.startIndex }
    public var endIndex: Int { pairs.endIndex }
    public subscript(position: Int) -> Label { pairs[position] }

    /// The value of label `name`, or `nil` when absent.
    public subscript(name: String) -> String? {
        var lo = 0, hi = pairs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let n = pairs[mid].name
            if n == name { return pairs[mid].value }
            if n < name { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// The value of `__name__`, or `nil`.
    public var metricName: String? { self[Label.metricName] }

    /// A copy with `name` set to `value` (removed when `value` is empty).
    public func setting(_ name: String, to value: String) -> Labels {
        var copy = pairs.filter { $0.name != name }
        if !value.isEmpty {
            let index = copy.firstIndex { $0.name > name } ?? copy.count
            copy.insert(Label(name, value), at: index)
        }
        return Labels(sortedUnique: copy)
    }

    /// A copy without the given names.
    public func removing(_ names: some Sequence<String>) -> Labels {
        let drop = Set(names)
        return Labels(sortedUnique: pairs.filter { !drop.contains($0.name) })
    }

    /// A copy with only the given names.
    public func keeping(_ names: some Sequence<String>) -> Labels {
        let keep = Set(names)
        return Labels(sortedUnique: pairs.filter { keep.contains($0.name) })
    }

    /// A copy without `__name__`.
    public var droppingMetricName: Labels { removing([Label.metricName]) }

    /// Prometheus's text form: `name{a="1", b="2"}`, `{a="1"}` without a name, `{}` when empty,
    /// and `{"my.metric", a="1"}` when the name is not a legacy metric name.
    public var description: String {
        let name = metricName
        var items: [String] = []
        var out = ""
        if let name {
            if LabelNames.isValidLegacyMetricName(name) { out = name } else { items.append(Labels.quote(name)) }
        }
        for label in pairs where label.name != Label.metricName {
            items.append(Labels.formatName(label.name) + "=" + Labels.quote(label.value))
        }
        if items.isEmpty { return name == nil ? "{}" : out }
        return out + "{" + items.joined(separator: ", ") + "}"
    }

    public static func < (lhs: Labels, rhs: Labels) -> Bool {
        let n = Swift.min(lhs.pairs.count, rhs.pairs.count)
        for i in 0..<n {
            let a = lhs.pairs[i], b = rhs.pairs[i]
            if a.name != b.name { return a.name < b.name }
            if a.value != b.value { return a.value < b.value }
        }
        return lhs.pairs.count < rhs.pairs.count
    }

    /// A label name as PromQL prints it: bare when legacy-valid, quoted otherwise.
    public static func formatName(_ name: String) -> String {
        LabelNames.isValidLegacyLabelName(name) ? name : quote(name)
    }

    /// A Go-style double-quoted string literal (`strconv.Quote`, as Prometheus prints label values).
    public static func quote(_ s: String) -> String { GoQuoting.quote(s) }

    /// A label value for the inside of `"…"` in the exposition formats and matcher strings:
    /// `\` → `\\`, newline → `\n`, `"` → `\"` (the one label-value escaper).
    public static func escapeValue(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\"") }) else {
            return s
        }
        var out = ""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\"": out += "\\\""
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension Labels: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements.map { Label($0.0, $0.1) })
    }
}
