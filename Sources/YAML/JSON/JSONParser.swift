import Diagnostics

/// Parses strict JSON (RFC 8259) into the same ``YAMLNode`` trees as ``YAMLParser``, with positions.
///
/// Grafana dashboards are JSON, often indented with tabs, which YAML parsers reject; this reads them
/// directly. Strings become double-quoted scalars, numbers and `true/false/null` plain scalars (they
/// resolve to the same types under the core schema). No comments, trailing commas, `NaN` or
/// single quotes. Duplicate keys are reported (all of them) with both positions; depth, size and
/// node-count limits come from ``YAMLLimits``.
public struct JSONParser: Sendable {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Parses one JSON value.
    /// - Throws: ``YAMLError`` with `json/…` codes (see ``JSONDiagnosticCode``).
    public func parse(_ input: YAMLInput) throws -> YAMLNode {
        let result = parseCollectingDiagnostics(input)
        if !result.diagnostics.isEmpty { throw YAMLError(result.diagnostics) }
        guard let root = result.documents.first?.root else {
            throw YAMLError(JSONDiagnosticCode.syntax, "empty JSON input",
                            at: SourceLocation(file: input.name, line: 1, column: 1))
        }
        return root
    }

    /// Parses JSON text; positions name `file`.
    public func parse(_ text: String, file: String = "<string>") throws -> YAMLNode {
        try parse(YAMLInput(name: file, text: text))
    }

    /// Reads and parses a file, or standard input when `path` is `-`.
    public func parseFile(atPath path: String) throws -> YAMLNode {
        try parse(YAMLInput.read(path: path, maxBytes: limits.maxBytes))
    }

    /// Parses `input`, returning the value as a one-document result (none after a fatal error)
    /// together with every diagnostic.
    public func parseCollectingDiagnostics(_ input: YAMLInput) -> YAMLParseResult {
        guard input.bytes.count <= limits.maxBytes else {
            let d = Diagnostic.error(JSONDiagnosticCode.tooLarge,
                                     "\(input.name) is larger than the limit of \(limits.maxBytes) bytes",
                                     at: SourceLocation(file: input.name, line: 1, column: 1))
            return YAMLParseResult(documents: [], diagnostics: [d])
        }
        return input.bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(source: buffer, file: input.name, limits: limits)
            let root = reader.document()
            return YAMLParseResult(documents: root.map { [YAMLDocument(root: $0)] } ?? [],
                                   diagnostics: reader.diagnostics)
        }
    }
}

/// Stable diagnostic codes produced by ``JSONParser``.
public enum JSONDiagnosticCode {
    public static let syntax = "json/syntax"
    public static let invalidUTF8 = "json/invalid-utf8"
    public static let duplicateKey = "json/duplicate-key"
    public static let depthLimit = "json/depth-limit"
    public static let tooLarge = "json/too-large"
}
