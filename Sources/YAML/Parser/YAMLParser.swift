import Diagnostics

/// Parses YAML text into ``YAMLDocument`` trees, using libyaml's event API.
///
/// ```swift
/// let docs = try YAMLParser().parseFile(atPath: "prometheus.yml")
/// let scrape = docs.first?.root["scrape_configs"]
/// ```
///
/// - An empty file (or one holding only comments) has **zero** documents; a lone `---` gives one
///   document whose root is a null scalar.
/// - Aliases are expanded and merge keys (`<<`) applied; see ``YAMLLimits`` for the limits enforced.
/// - Duplicate keys do not stop parsing: every one is reported, each with the first key's position.
public struct YAMLParser: Sendable {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    // MARK: - Throwing entry points

    /// Parses every document of `input`.
    /// - Throws: ``YAMLError`` holding every diagnostic found.
    public func parse(_ input: YAMLInput) throws -> [YAMLDocument] {
        let result = parseCollectingDiagnostics(input)
        if !result.diagnostics.isEmpty { throw YAMLError(result.diagnostics) }
        return result.documents
    }

    /// Parses every document of `text`; positions name `file`.
    /// - Throws: ``YAMLError``.
    public func parse(_ text: String, file: String = "<string>") throws -> [YAMLDocument] {
        try parse(YAMLInput(name: file, text: text))
    }

    /// Reads and parses a file, or standard input when `path` is `-` (positions then name `<stdin>`).
    /// - Throws: ``YAMLError`` (including `yaml/io` when the file cannot be read).
    public func parseFile(atPath path: String) throws -> [YAMLDocument] {
        try parse(YAMLInput.read(path: path, maxBytes: limits.maxBytes))
    }

    // MARK: - Collecting entry point

    /// Parses `input` and returns whatever could be built together with every diagnostic.
    /// After a fatal error (syntax, limits) the documents completed before it are returned.
    public func parseCollectingDiagnostics(_ input: YAMLInput) -> YAMLParseResult {
        parseCollectingDiagnostics(input, fastReader: true)
    }

    /// ``parseCollectingDiagnostics(_:)``; `fastReader: false` always uses libyaml (for tests comparing
    /// the two readers).
    func parseCollectingDiagnostics(_ input: YAMLInput, fastReader: Bool) -> YAMLParseResult {
        if input.bytes.count > limits.maxBytes {
            let d = Diagnostic.error(YAMLDiagnosticCode.tooLarge,
                                     "\(input.name) is larger than the limit of \(limits.maxBytes) bytes",
                                     at: SourceLocation(file: input.name, line: 1, column: 1))
            return YAMLParseResult(documents: [], diagnostics: [d])
        }
        return input.bytes.withUnsafeBufferPointer { buffer in
            if fastReader, let result = YAMLBlockReader.read(buffer, file: input.name, limits: limits) {
                return result
            }
            var builder = YAMLTreeBuilder(file: input.name, limits: limits, source: buffer)
            builder.run()
            return YAMLParseResult(documents: builder.documents, diagnostics: builder.diagnostics)
        }
    }
}
