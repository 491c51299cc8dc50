import Foundation
import PromModel
import PromQL

// MARK: - eval

extension PromQLTestParseState {
    mutating func parseEval(_ line: ScriptLine, command: String) throws -> PromQLTestEval {
        let modifier: String
        switch command {
        case "eval": modifier = ""
        case "eval_fail", "eval_warn", "eval_info", "eval_ordered": modifier = String(command.dropFirst(5))
        default:
            throw error("invalid-command", "invalid command \(GoQuote.string(command)): expected eval, eval_fail, eval_warn, eval_info or eval_ordered", line)
        }
        let words = Self.words(line.text)
        guard words.count >= 2 else { throw error("invalid-eval", "invalid eval command, expected \"instant\" or \"range\"", line) }
        let mode: PromQLTestEval.Mode
        let exprWord: Int
        switch words[1].word.lowercased() {
        case "instant":
            guard words.count >= 5, words[2].word == "at" else {
                throw error("invalid-eval", "invalid instant eval, expected \"eval instant at <time> <expr>\"", line, offset: words[1].offset)
            }
            mode = .instant(at: try duration(words[3], line, what: "evaluation time"))
            exprWord = 4
        case "range":
            guard words.count >= 9, words[2].word == "from", words[4].word == "to", words[6].word == "step" else {
                throw error("invalid-eval", "invalid range eval, expected \"eval range from <start> to <end> step <step> <expr>\"", line, offset: words[1].offset)
            }
            if modifier == "ordered" {
                throw error("invalid-eval", "eval_ordered is not supported for range queries", line)
            }
            let start = try duration(words[3], line, what: "start time")
            let end = try duration(words[5], line, what: "end time")
            let step = try duration(words[7], line, what: "step")
            guard end >= start else {
                throw error("invalid-eval", "invalid range: end time \(words[5].word) is before start time \(words[3].word)", line, offset: words[5].offset)
            }
            guard step > 0 else { throw error("invalid-eval", "step must be positive", line, offset: words[7].offset) }
            mode = .range(start: start, end: end, step: step)
            exprWord = 8
        default:
            throw error("invalid-eval", "invalid eval command, expected \"instant\" or \"range\" after \(command)", line, offset: words[1].offset)
        }
        let exprOffset = words[exprWord].offset
        let exprText = String(decoding: Array(line.text.utf8).dropFirst(exprOffset), as: UTF8.self)
        let expr: Expr
        do {
            expr = try Parser(options: .allExperimental).parseExpr(exprText)
        } catch let errors as ParseErrors {
            let issue = errors.first
            throw error("invalid-expression", "could not parse expression: \(issue?.message ?? "\(errors)")", line,
                        offset: exprOffset + (issue?.span.start ?? 0))
        }
        var eval = PromQLTestEval(line: line.number, exprColumn: line.column + exprOffset, exprText: exprText,
                                  expr: expr, mode: mode)
        switch modifier {
        case "fail": eval.fail = .any
        case "warn": eval.requireWarning = true
        case "info": eval.requireInfo = true
        case "ordered": eval.ordered = true
        default: break
        }
        try parseEvalBlock(into: &eval, legacyFail: modifier == "fail")
        try validate(eval, line)
        return eval
    }

    /// Expectation and result lines up to the next blank line (a scalar line ends the block early).
    mutating func parseEvalBlock(into eval: inout PromQLTestEval, legacyFail: Bool) throws {
        while index < lines.count, !lines[index].text.isEmpty {
            let line = lines[index]
            index += 1
            let words = Self.words(line.text)
            guard let first = words.first?.word else { continue }
            switch first {
            case "expect":
                try parseExpect(line, words, into: &eval)
            case "expected_fail_message", "expected_fail_regexp":
                guard legacyFail else {
                    throw error("invalid-expect", "\(first) is only allowed after eval_fail", line)
                }
                let rest = Self.rest(of: line.text, after: words[0]).trimmingCharacters(in: .whitespaces)
                eval.fail = first == "expected_fail_message" ? .exact(rest) : try regex(rest, line, offset: 0)
            default:
                if let scalar = Self.scalar(line.text) {
                    eval.expectedScalar = scalar
                    return
                }
                let description = try series(line)
                eval.expectedSeries.append(.init(line: line.number, labels: description.labels, values: description.values))
            }
        }
    }

    mutating func parseExpect(_ line: ScriptLine, _ words: [(word: String, offset: Int)],
                              into eval: inout PromQLTestEval) throws {
        guard words.count >= 2 else { throw error("invalid-expect", "invalid expect line: expected a type after \"expect\"", line) }
        let kind = words[1].word
        if kind == "range" {
            guard words.count == 9, words[2].word == "vector", words[3].word == "from", words[5].word == "to",
                  words[7].word == "step" else {
                throw error("invalid-expect", "invalid expect range vector line, expected \"expect range vector from <start> to <end> step <step>\"", line)
            }
            guard case .instant = eval.mode else {
                throw error("invalid-expect", "expect range vector is only allowed for instant queries", line)
            }
            let start = try duration(words[4], line, what: "start time")
            let end = try duration(words[6], line, what: "end time")
            let step = try duration(words[8], line, what: "step")
            guard step > 0, end >= start else { throw error("invalid-expect", "invalid range vector bounds", line, offset: words[4].offset) }
            eval.rangeVector = .init(start: start, end: end, step: step)
            return
        }
        if kind == "string" {
            let raw = Self.rest(of: line.text, after: words[1]).trimmingCharacters(in: .whitespaces)
            guard let value = Self.quotedString(raw) else {
                throw error("invalid-expect", "expected a quoted string after \"expect string\"", line, offset: words[1].offset)
            }
            eval.expectedString = value
            return
        }
        let rest = Self.rest(of: line.text, after: words[1])
        var match = PromQLTestMessageMatch.any
        let trimmed = rest.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty {
            let restOffset = line.text.utf8.count - rest.utf8.count + (rest.utf8.count - rest.drop { $0 == " " || $0 == "\t" }.utf8.count)
            if trimmed.hasPrefix("msg:") {
                match = .exact(String(trimmed.dropFirst(4)).trimmingCharacters(in: .whitespaces))
            } else if trimmed.hasPrefix("regex:") {
                match = try regex(String(trimmed.dropFirst(6)).trimmingCharacters(in: .whitespaces), line, offset: restOffset)
            } else {
                throw error("invalid-expect", "invalid expect line: expected msg:<text> or regex:<pattern>, found \(GoQuote.string(trimmed))", line, offset: restOffset)
            }
        }
        switch kind {
        case "fail":
            if eval.fail != nil { throw error("invalid-expect", "only one expect fail line is allowed", line) }
            eval.fail = match
        case "warn": eval.warnings.append(match)
        case "info": eval.infos.append(match)
        case "no_warn", "no_info", "ordered":
            if !trimmed.isEmpty { throw error("invalid-expect", "expect \(kind) takes no message", line, offset: words[1].offset) }
            if kind == "no_warn" { eval.noWarn = true } else if kind == "no_info" { eval.noInfo = true } else {
                guard case .instant = eval.mode else {
                    throw error("invalid-expect", "expect ordered is only allowed for instant queries", line)
                }
                eval.ordered = true
            }
        default:
            throw error("invalid-expect", "invalid expect type \(GoQuote.string(kind)): expected fail, warn, info, no_warn, no_info, ordered, range vector or string", line, offset: words[1].offset)
        }
    }

    func regex(_ pattern: String, _ line: ScriptLine, offset: Int) throws -> PromQLTestMessageMatch {
        do {
            return try PromQLTestMessageMatch.regex(pattern)
        } catch {
            throw self.error("invalid-regex", "invalid regular expression \(GoQuote.string(pattern)): \(error)", line, offset: offset)
        }
    }

    /// Rules between expectations, checked once the block is read.
    func validate(_ eval: PromQLTestEval, _ line: ScriptLine) throws {
        if !eval.warnings.isEmpty && eval.noWarn {
            throw error("invalid-expect", "expect warn and expect no_warn cannot both be given", line)
        }
        if !eval.infos.isEmpty && eval.noInfo {
            throw error("invalid-expect", "expect info and expect no_info cannot both be given", line)
        }
        if case .instant = eval.mode, eval.rangeVector == nil {
            for s in eval.expectedSeries where s.values.count > 1 {
                throw PromQLTestError("invalid-expect", "expecting multiple values in instant evaluation not allowed",
                                      at: .init(file: file, line: s.line, column: 1))
            }
        }
        if eval.expectedScalar != nil && !eval.expectedSeries.isEmpty {
            throw error("invalid-expect", "an expected scalar cannot be combined with expected series", line)
        }
    }

    // MARK: - Small parsers

    /// The text of `line` after `word`.
    static func rest(of text: String, after word: (word: String, offset: Int)) -> String {
        String(decoding: Array(text.utf8).dropFirst(word.offset + word.word.utf8.count), as: UTF8.self)
    }

    /// The value of a Go-quoted string (`"…"`, `'…'` or `` `…` ``), read by the PromQL parser.
    static func quotedString(_ raw: String) -> String? {
        guard let first = raw.first, first == "\"" || first == "'" || first == "`" else { return nil }
        guard case .string(let literal)? = try? Parser().parseExpr(raw) else { return nil }
        return literal.value
    }

    /// A bare number line (`1`, `-2.5`, `Inf`, `NaN`, `0x1f`), or `nil`.
    static func scalar(_ text: String) -> Double? {
        guard !text.contains(where: { $0.isWhitespace || $0 == "{" || $0 == "}" }) else { return nil }
        let lower = text.lowercased()
        switch lower {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan", "+nan", "-nan": return .nan
        default: break
        }
        guard let first = lower.unicodeScalars.first,
              "0123456789.+-".unicodeScalars.contains(first) else { return nil }
        if let v = try? SeriesDescription.parse("{} " + text), v.values.count == 1, case .float(let f) = v.values[0] {
            return f
        }
        return nil
    }
}
