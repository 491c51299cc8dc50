import Diagnostics

// MARK: - Scalars

extension YAMLDecodingContext {
    /// The scalar node, or `nil` (silently for absent/null, with `yaml/wrong-type` for collections).
    private mutating func scalarNode(_ node: YAMLNode?, expected: String, what: String?) -> (YAMLNode, YAMLScalar)? {
        guard let node, !node.isNull else { return nil }
        guard let s = node.scalar else {
            wrongType(node, expected: expected, what: what)
            return nil
        }
        return (node, s)
    }

    /// Any non-null scalar's text, as written (`job: 123` gives `"123"`), like Go's decoders do
    /// for string fields.
    public mutating func string(_ node: YAMLNode?, what: String? = nil) -> String? {
        scalarNode(node, expected: "a string", what: what)?.1.value
    }

    /// An integer: a plain core-schema integer (`12`, `-3`, `0x1F`) or one tagged `!!int`.
    public mutating func int(_ node: YAMLNode?, what: String? = nil) -> Int? {
        guard let (node, s) = scalarNode(node, expected: "an integer", what: what) else { return nil }
        guard node.resolvedType == .int else {
            wrongType(node, expected: "an integer", what: what)
            return nil
        }
        guard let value = YAMLScalar.intValue(s.value) else {
            error(YAMLDiagnosticCode.invalidValue, "integer \(s.value) is out of range", at: node)
            return nil
        }
        return value
    }

    /// An integer within `range`; `yaml/invalid-value` when outside.
    public mutating func int(_ node: YAMLNode?, in range: ClosedRange<Int>, what: String? = nil) -> Int? {
        guard let value = int(node, what: what), let node else { return nil }
        guard range.contains(value) else {
            let subject = what.map { " for \($0)" } ?? ""
            error(YAMLDiagnosticCode.invalidValue,
                  "value \(value)\(subject) is out of range \(range.lowerBound)...\(range.upperBound)", at: node)
            return nil
        }
        return value
    }

    /// A float or integer (`1.5`, `2`, `1e3`, `.inf`, `.nan`).
    public mutating func double(_ node: YAMLNode?, what: String? = nil) -> Double? {
        guard let (node, s) = scalarNode(node, expected: "a number", what: what) else { return nil }
        let type = node.resolvedType
        guard type == .float || type == .int, let value = YAMLScalar.doubleValue(s.value) else {
            wrongType(node, expected: "a number", what: what)
            return nil
        }
        return value
    }

    /// A boolean: `true`/`false` (three casings) and, in plain scalars, YAML 1.1's `yes/no/on/off`
    /// (Prometheus reads those as booleans).
    public mutating func bool(_ node: YAMLNode?, what: String? = nil) -> Bool? {
        guard let (node, s) = scalarNode(node, expected: "a boolean", what: what) else { return nil }
        let type = node.resolvedType
        let value: Bool?
        switch type {
        case .bool: value = YAMLScalar.boolValue(s.value, yaml11: false)
        case .string where s.style == .plain && node.tag == nil: value = YAMLScalar.boolValue(s.value, yaml11: true)
        default: value = nil
        }
        guard let value else {
            wrongType(node, expected: "a boolean", what: what)
            return nil
        }
        return value
    }

    /// A scalar parsed by `parse` (a duration, a regex, a URL…). An error thrown by `parse` becomes
    /// `yaml/invalid-value`: "invalid <kind> "<text>": <error>".
    public mutating func scalar<T>(_ node: YAMLNode?, as kind: String, what: String? = nil,
                                   parse: (String) throws -> T) -> T? {
        guard let (node, s) = scalarNode(node, expected: "a \(kind)", what: what) else { return nil }
        do {
            return try parse(s.value)
        } catch {
            let subject = what.map { " for \($0)" } ?? ""
            self.error(YAMLDiagnosticCode.invalidValue, "invalid \(kind) \"\(s.value)\"\(subject): \(error)", at: node)
            return nil
        }
    }
}
