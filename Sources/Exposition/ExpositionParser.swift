import Diagnostics

/// Parses the Prometheus text format (0.0.4) and OpenMetrics 1.0 text into metric families.
///
/// The parser is strict about what each format forbids and stops at the first error, which carries
/// a stable `exposition/...` code and the line and column of the offending character:
/// interleaved families, metadata after samples, duplicate series, bad escapes, invalid names,
/// duplicate labels, malformed numbers; in OpenMetrics also a missing `# EOF`, blank lines,
/// unknown comments, extra whitespace, sample names that do not fit their family's type,
/// and misplaced exemplars.
public struct ExpositionParser: Sendable {
    /// The format the input is parsed as.
    public var format: ExpositionFormat
    /// File name used in error locations.
    public var file: String
    /// Bounds on the input's size.
    public var limits: ExpositionLimits

    /// A parser for `format`; `file` names the input in error locations and `limits` caps its size.
    public init(format: ExpositionFormat = .prometheusText, file: String = "<input>",
                limits: ExpositionLimits = .default) {
        self.format = format
        self.file = file
        self.limits = limits
    }

    /// Parses `text` into families, in the order they appear.
    public func parse(_ text: String) throws -> [MetricFamily] {
        var families: [MetricFamily] = []
        try parse(text, eachFamily: { families.append($0) })
        return families
    }

    /// Parses `text`, handing each family with its samples to `body` as soon as its last line is read,
    /// in input order; only one family's samples are held at a time. On a parse error `body` has
    /// seen the families before the one with the error.
    public func parse(_ text: String, eachFamily body: (MetricFamily) throws -> Void) throws {
        try parse(text, eachFamilyWithSeries: { family, _ in try body(family) })
    }

    /// Parses `text` as `parse(_:eachFamily:)` does, handing out with each family the series of its
    /// samples: element `j` is the index of the first sample of sample `j`'s series (`j` itself for
    /// the first sample of a series). A loader can then look each series up once.
    public func parse(_ text: String, eachFamilyWithSeries body: (MetricFamily, [Int]) throws -> Void) throws {
        try checkSize(text)
        // The reader walks the string's own UTF-8 storage: no copy of the input.
        var text = text
        try text.withUTF8 { bytes in
            var reader = ExpositionReader(bytes: bytes, format: format, file: file, limits: limits)
            try reader.run(body)
        }
    }

    /// Parses `text`, handing each sample to `body` as soon as its line is read, with its series
    /// number: 0, 1, 2, … in order of first appearance over the whole input, the same number for
    /// every sample of a series (which OpenMetrics may repeat with increasing timestamps). No family
    /// holds its samples, so memory does not grow with the number of samples, only with the series
    /// of the current family. The checks and errors are those of `parse(_:)`; on an error `body`
    /// has seen the samples before the offending line.
    public func parse(_ text: String, eachSample body: (MetricSample, Int) throws -> Void) throws {
        try checkSize(text)
        var text = text
        try text.withUTF8 { bytes in
            var reader = ExpositionReader(bytes: bytes, format: format, file: file, limits: limits, keepSamples: false)
            try reader.run({ _, _ in }, eachSample: body)
        }
    }

    private func checkSize(_ text: String) throws {
        guard text.utf8.count <= limits.maxBytes else {
            throw ExpositionError("limit-exceeded", "input is larger than \(limits.maxBytes) bytes",
                                  at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// Parses `text`, guessing its format with `ExpositionFormat.detect`.
    public static func parse(_ text: String, file: String = "<input>") throws -> [MetricFamily] {
        try ExpositionParser(format: .detect(text), file: file).parse(text)
    }
}
