import Diagnostics
import Foundation
import PromModel
import Storage
import PromQL

/// Parses the PromQL test-script language into a `PromQLTestScript`.
///
/// Lines are trimmed; lines starting with `#` count as blank, and a blank line ends a `load` or `eval`
/// block. Times and steps are Prometheus durations from the Unix epoch. Errors carry `file:line:col`.
public struct PromQLTestParser: Sendable {
    /// Most values all series descriptions of one script may expand to.
    public var maxExpandedValues: Int

    public init(maxExpandedValues: Int = 10_000_000) {
        self.maxExpandedValues = maxExpandedValues
    }

    /// Parses `text`; `file` names it in errors. Throws `PromQLTestError`.
    public func parse(_ text: String, file: String) throws -> PromQLTestScript {
        var state = PromQLTestParseState(text: text, file: file, budget: maxExpandedValues)
        return PromQLTestScript(file: file, commands: try state.run())
    }
}

/// One trimmed script line with the column its content starts at.
struct ScriptLine {
    /// The trimmed content; empty for blank and comment lines.
    var text: String
    /// 1-based line number.
    var number: Int
    /// 1-based byte column of the first byte of `text`.
    var column: Int
}

/// The mutable state of one script parse.
struct PromQLTestParseState {
    let file: String
    var lines: [ScriptLine] = []
    var index = 0
    /// Values that series descriptions may still expand to.
    var budget: Int
    /// The script's whole budget (`budget` before the first series).
    let limit: Int

    init(text: String, file: String, budget: Int) {
        self.file = file
        self.budget = budget
        self.limit = budget
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let leading = raw.prefix { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" }
            var content = String(raw.dropFirst(leading.count))
            while let last = content.last, last.isWhitespace { content.removeLast() }
            if content.hasPrefix("#") { content = "" }
            lines.append(ScriptLine(text: content, number: i + 1, column: leading.utf8.count + 1))
        }
    }

    // MARK: - Errors

    func error(_ code: String, _ message: String, _ line: ScriptLine, offset: Int = 0) -> PromQLTestError {
        PromQLTestError(code, message, at: SourceLocation(file: file, line: line.number, column: line.column + offset))
    }

    // MARK: - Commands

    mutating func run() throws -> [PromQLTestCommand] {
        var commands: [PromQLTestCommand] = []
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.text.isEmpty { continue }
            let word = line.text.prefix { !$0.isWhitespace }.lowercased()
            if word == "clear" {
                guard line.text.count == word.count else {
                    throw error("invalid-command", "unexpected text after \"clear\"", line, offset: word.utf8.count)
                }
                commands.append(.clear(line: line.number))
            } else if word == "load" || word == "load_with_nhcb" {
                commands.append(.load(try parseLoad(line, withNHCB: word == "load_with_nhcb")))
            } else if word.hasPrefix("eval") {
                commands.append(.eval(try parseEval(line, command: word)))
            } else {
                throw error("invalid-command", "invalid command \(GoQuote.string(String(word))): expected load, load_with_nhcb, clear or eval", line)
            }
        }
        return commands
    }

    /// The whitespace-separated words of a line with their byte offsets in `text`.
    static func words(_ text: String) -> [(word: String, offset: Int)] {
        var out: [(String, Int)] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 { i += 1 }
            let start = i
            while i < bytes.count, bytes[i] != 32, bytes[i] != 9 { i += 1 }
            if i > start { out.append((String(decoding: bytes[start..<i], as: UTF8.self), start)) }
        }
        return out
    }

    /// A duration word (time from the epoch or step), in milliseconds.
    func duration(_ word: (word: String, offset: Int), _ line: ScriptLine, what: String) throws -> Int64 {
        do {
            return try Duration.parse(word.word).milliseconds
        } catch {
            throw self.error("invalid-duration", "invalid \(what) \(GoQuote.string(word.word)): \(error)", line, offset: word.offset)
        }
    }

    // MARK: - load

    mutating func parseLoad(_ line: ScriptLine, withNHCB: Bool) throws -> PromQLTestLoad {
        let words = Self.words(line.text)
        guard words.count == 2 else {
            throw error("invalid-load", "invalid load command, expected \"load <step>\"", line)
        }
        let step = try duration(words[1], line, what: "step")
        var load = PromQLTestLoad(line: line.number, step: step, withNHCB: withNHCB, series: [])
        // Start-timestamp lines wait for the sample line of the same series that follows them.
        var pendingStarts: [Labels: [Int64?]] = [:]
        while index < lines.count, !lines[index].text.isEmpty {
            let seriesLine = lines[index]
            index += 1
            if let st = try startTimestampLine(seriesLine) {
                pendingStarts[st.labels] = st.offsets
                load.startTimestampLines += 1
                continue
            }
            let description = try series(seriesLine)
            var loaded = PromQLTestLoad.Series(line: seriesLine.number, labels: description.labels,
                                               values: description.values)
            loaded.startOffsets = pendingStarts.removeValue(forKey: description.labels)
            load.series.append(loaded)
        }
        return load
    }

    /// A `metric{…}@st …` line (its labels and start-timestamp offsets), or `nil` for other lines.
    func startTimestampLine(_ line: ScriptLine) throws -> (labels: Labels, offsets: [Int64?])? {
        guard line.text.contains("@st") else { return nil }
        guard let (labels, end) = try? SeriesDescription.parseMetric(line.text) else { return nil }
        let rest = Array(line.text.utf8).dropFirst(end)
        guard rest.starts(with: Array("@st".utf8)) else { return nil }
        let after = rest.dropFirst(3)
        guard after.isEmpty || after.first == 32 || after.first == 9 else {
            throw error("invalid-series", "expected a space after \"@st\"", line, offset: end + 3)
        }
        let text = Substring(decoding: after, as: UTF8.self)
        return (labels, try startOffsets(text, line, column: line.text.utf8.count - text.utf8.count))
    }

    /// A series description line, charged against the expansion budget.
    mutating func series(_ line: ScriptLine) throws -> SeriesDescription {
        do {
            let description = try SeriesDescription.parse(line.text, limits: SeriesDescriptionLimits(maxValues: budget))
            budget -= description.values.count
            return description
        } catch let e as SeriesDescriptionError {
            var message = e.message
            // The parser was given only what is left; say the script's real limit.
            let used = "the limit of \(limit) values for all series of a script (\(limit - budget) used by earlier series, \(budget) left)"
            if message.hasPrefix("series expands to more than") {
                message = "series expands past " + used
            } else if message.hasPrefix("repetition count") {
                message = message.replacingOccurrences(of: "the limit of \(budget) values", with: used)
            }
            throw error("invalid-series", message, line, offset: e.offset)
        }
    }
}
