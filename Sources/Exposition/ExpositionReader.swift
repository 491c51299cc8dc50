import Diagnostics
import Foundation
import PromModel

/// The state of one parse: walks lines, handles metadata, groups samples into families.
///
/// A family is handed out as soon as the next one starts (a family's lines are contiguous in both
/// formats), so only the current family's samples are held; earlier families keep their metadata
/// for the interleaving checks. Duplicate series can only occur within a family (a sample that fits
/// an earlier family is an interleaving error), so the series table starts afresh per family.
/// With `keepSamples` off, samples go to the caller one by one and no family holds any: memory
/// then holds one `SeriesHead` per series of the current family, whatever its number of samples.
struct ExpositionReader {
    /// The input's UTF-8 bytes, valid while the parse runs.
    let bytes: UnsafeBufferPointer<UInt8>
    let format: ExpositionFormat
    let file: String
    let limits: ExpositionLimits
    /// Whether families collect their samples (off when the caller takes each sample as it is read).
    let keepSamples: Bool

    var families: [MetricFamily] = []
    var familyIndex: [String: Int] = [:]
    var metadataLines: [MetadataLines] = []
    var current: Int?
    /// A family that the last line completed, to hand out after that line.
    var completed: Int?
    /// Per sample of the current family: the index of the first sample of its series.
    var firstOfSeries: [Int] = []
    /// `firstOfSeries` of the completed family.
    var completedSeries: [Int] = []
    var seen = SeenSeriesTable(expected: 0)
    /// The series of the current family, in order of first appearance.
    var series: [SeriesHead] = []
    /// Series of the families before the current one.
    var seriesBase = 0
    /// Samples of the current family so far.
    var familySamples = 0
    /// Label names and values shared across lines.
    var interner = StringInterner()
    var sampleCount = 0
    var eofLine: Int?
    /// Name and raw labels of the last sample line, whose strings the next line may share.
    var previousSample: (name: String, labels: [Label])?
    /// The previous line's canonical labels, which the next line may share.
    var canonicalLabels = CanonicalLabelCache()
    /// The family the last sample name resolved to while `current` stays the same.
    var lastFamily: (name: String, index: Int, suffix: String)?

    /// Lines of a family's metadata and first sample, for duplicate checks and notes.
    struct MetadataLines {
        var help: Int?
        var type: Int?
        var unit: Int?
        var firstSample: Int?
    }

    /// What the duplicate check needs of a series: its identity, and the timestamp and line of its
    /// latest sample; `first` is the position of its first sample in the family.
    struct SeriesHead {
        var name: String
        var labels: Labels
        var timestamp: Int64?
        var line: Int
        var first: Int
    }

    init(bytes: UnsafeBufferPointer<UInt8>, format: ExpositionFormat, file: String, limits: ExpositionLimits,
         keepSamples: Bool = true) {
        self.bytes = bytes
        self.format = format
        self.file = file
        self.limits = limits
        self.keepSamples = keepSamples
    }

    // MARK: - Lines

    /// Reads every line, handing each family to `body` with its samples once it is complete, in
    /// input order. With `keepSamples` off, each sample goes to `eachSample` instead as soon as its
    /// line is read, with its series number (0, 1, 2, … in order of first appearance over the whole
    /// input), and families reach `body` without samples.
    mutating func run(_ body: (MetricFamily, [Int]) throws -> Void,
                      eachSample: (MetricSample, Int) throws -> Void = { _, _ in }) throws {
        var start = 0
        var lineNumber = 0
        while start < bytes.count {
            lineNumber += 1
            var end = ExpositionReader.newline(in: bytes, from: start)
            let next = end + 1
            if format == .prometheusText, end > start, bytes[end - 1] == 13 { end -= 1 }
            guard end - start <= limits.maxLineLength else {
                throw ExpositionError("limit-exceeded", "line longer than \(limits.maxLineLength) bytes",
                                      at: SourceLocation(file: file, line: lineNumber, column: 1))
            }
            var scanner = LineScanner(bytes: bytes, lineStart: start, end: end, lineNumber: lineNumber,
                                      file: file, format: format)
            if let (sample, series) = try line(&scanner), !keepSamples { try eachSample(sample, series) }
            if let done = completed {
                completed = nil
                try body(take(done), completedSeries)
                completedSeries = []
            }
            start = next
        }
        if let last = current { try body(take(last), firstOfSeries) }
        if format == .openMetrics, eofLine == nil {
            let last = max(lineNumber, 1)
            throw ExpositionError("missing-eof", "OpenMetrics input must end with \"# EOF\"",
                                  at: SourceLocation(file: file, line: last, column: 1))
        }
    }

    /// Family `i` with its samples, which the reader lets go of.
    private mutating func take(_ i: Int) -> MetricFamily {
        let family = families[i]
        families[i].samples = []
        return family
    }

    /// The index of the first newline at or after `start`, or `bytes.count`.
    static func newline(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress,
              let hit = memchr(base + start, 10, bytes.count - start) else { return bytes.count }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Reads one line; a sample line gives its sample and series number.
    private mutating func line(_ s: inout LineScanner) throws -> (MetricSample, Int)? {
        if let eof = eofLine {
            throw ExpositionError("content-after-eof", "content after \"# EOF\"", at: s.location(at: s.pos),
                                  notes: [.init("\"# EOF\" is here", at: SourceLocation(file: file, line: eof, column: 1))])
        }
        if format == .prometheusText { s.skipBlanks() }
        guard let first = s.peek else {
            if format == .openMetrics { throw s.error("empty-line", "OpenMetrics does not allow empty lines") }
            return nil
        }
        if first == 35 {  // #
            try comment(&s)
            return nil
        }
        return try sampleLine(&s)
    }

    // MARK: - Comments and metadata

    private mutating func comment(_ s: inout LineScanner) throws {
        s.pos += 1
        if format == .prometheusText {
            s.skipBlanks()
            let save = s.pos
            let (keyword, _) = s.word()
            guard keyword == "HELP" || keyword == "TYPE", s.peek == 32 || s.peek == 9 || s.atEnd else {
                s.pos = save
                return  // an ordinary comment
            }
            try metadata(keyword, &s)
            return
        }
        if s.text(s.pos, s.end) == " EOF" {
            eofLine = s.lineNumber
            return
        }
        guard s.peek == 32 else { throw s.error("invalid-comment", "expected \"# HELP\", \"# TYPE\", \"# UNIT\" or \"# EOF\"") }
        s.pos += 1
        let keywordStart = s.pos
        let (keyword, _) = s.word()
        guard ["HELP", "TYPE", "UNIT"].contains(keyword) else {
            throw s.error("invalid-comment",
                          "OpenMetrics allows only HELP, TYPE, UNIT and EOF comments, found \"# \(keyword)\"",
                          at: keywordStart)
        }
        try metadata(keyword, &s)
    }

    private mutating func metadata(_ keyword: String, _ s: inout LineScanner) throws {
        try s.separator("the metric name")
        let nameStart = s.pos
        let name = try s.metricName()
        let index = try familyForMetadata(name, at: nameStart, s: s)
        switch keyword {
        case "HELP":
            if let previous = metadataLines[index].help {
                throw duplicate("HELP", name, previous: previous, s: s, at: nameStart)
            }
            var help = ""
            if !s.atEnd {
                try s.separator("the help text")
                help = try s.escapedRest()
            }
            families[index].help = help
            metadataLines[index].help = s.lineNumber
        case "TYPE":
            if let previous = metadataLines[index].type {
                throw duplicate("TYPE", name, previous: previous, s: s, at: nameStart)
            }
            try s.separator("the metric type")
            let (word, wordStart) = s.word()
            guard let type = MetricType(word: word, format: format) else {
                let valid = MetricType.allCases.map { $0.word(in: format) }
                let known = Array(Set(valid)).sorted().joined(separator: ", ")
                throw s.error("invalid-type", "unknown metric type \"\(word)\" (expected one of \(known))"
                              + Suggestion.didYouMean(word, in: valid), at: wordStart)
            }
            try endOfLine(&s)
            families[index].type = type
            metadataLines[index].type = s.lineNumber
        default:  // UNIT
            if let previous = metadataLines[index].unit {
                throw duplicate("UNIT", name, previous: previous, s: s, at: nameStart)
            }
            var unit = ""
            if !s.atEnd {
                try s.separator("the unit")
                let unitStart = s.pos
                unit = s.word().0
                guard unit.utf8.allSatisfy({ LineScanner.isNameChar($0, colon: true) }) else {
                    throw s.error("invalid-unit", "invalid unit \"\(unit)\"", at: unitStart)
                }
                try endOfLine(&s)
                guard name.hasSuffix("_" + unit) else {
                    throw s.error("invalid-unit", "metric family \"\(name)\" must end in \"_\(unit)\" to have unit \"\(unit)\"",
                                  at: unitStart)
                }
            }
            families[index].unit = unit
            metadataLines[index].unit = s.lineNumber
        }
    }

    private func duplicate(_ keyword: String, _ name: String, previous: Int, s: LineScanner,
                           at p: Int) -> ExpositionError {
        ExpositionError("duplicate-metadata", "second \(keyword) line for metric family \"\(name)\"",
                        at: s.location(at: p),
                        notes: [.init("first \(keyword) line", at: SourceLocation(file: file, line: previous, column: 1))])
    }

    func endOfLine(_ s: inout LineScanner) throws {
        if format == .prometheusText { s.skipBlanks() }
        guard s.atEnd else { throw s.error("expected-token", "unexpected \(s.found) at end of line") }
    }

    /// The family that metadata for `name` belongs to; metadata must precede the family's samples
    /// and a family's lines must be contiguous.
    private mutating func familyForMetadata(_ name: String, at p: Int, s: LineScanner) throws -> Int {
        if let i = familyIndex[name] {
            guard i == current else { throw interleaved(name, family: i, s: s, at: p) }
            if let first = metadataLines[i].firstSample {
                throw ExpositionError("metadata-after-samples",
                                      "metadata for \"\(name)\" must come before its samples",
                                      at: s.location(at: p),
                                      notes: [.init("first sample", at: SourceLocation(file: file, line: first, column: 1))])
            }
            return i
        }
        return newFamily(name, line: s.lineNumber)
    }

    mutating func newFamily(_ name: String, line: Int) -> Int {
        families.append(MetricFamily(name: name, line: line))
        metadataLines.append(MetadataLines())
        let i = families.count - 1
        familyIndex[name] = i
        if let previous = current {
            completed = previous
            completedSeries = firstOfSeries
            firstOfSeries = []
            seen = SeenSeriesTable(expected: 0)
            seriesBase += series.count
            series = []
            familySamples = 0
        }
        current = i
        return i
    }

    func interleaved(_ name: String, family i: Int, s: LineScanner, at p: Int) -> ExpositionError {
        ExpositionError("interleaved-family",
                        "metric family \"\(families[i].name)\" appears again after other families; its lines must be grouped",
                        at: s.location(at: p),
                        notes: [.init("family starts here", at: SourceLocation(file: file, line: families[i].line, column: 1))])
    }
}
