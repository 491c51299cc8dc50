import PromModel

/// Parses the series notation: a metric (`name{a="b"}`, `{"utf8.name"}`, `{}`) followed by values.
///
/// The metric is parsed by the PromQL parser as a vector selector whose matchers must all be `=`.
/// Values are scanned here: `1`, `-2.5e3`, `Inf`, `NaN`, `stale`, `_`, `_xN`, `axN`, `a+bxN`,
/// `a-bxN`, `{{…}}`, `{{…}}xN`, `{{…}}+{{…}}xN`, `{{…}}-{{…}}xN`.
struct SeriesDescriptionParser {
    let text: String
    let bytes: [UInt8]
    let limits: SeriesDescriptionLimits
    var pos = 0
    var values: [SeriesValue] = []

    init(_ text: String, limits: SeriesDescriptionLimits) {
        self.text = text
        self.bytes = Array(text.utf8)
        self.limits = limits
    }

    // MARK: - Whole descriptions

    mutating func parseDescription() throws -> SeriesDescription {
        let labels = try parseMetric()
        if let b = current, !isSpace(b) {
            throw SeriesDescriptionError("unexpected \(describe(at: pos)) after the metric, expected a space", at: pos)
        }
        try parseValues()
        return SeriesDescription(labels: labels, values: values)
    }

    // MARK: - Primitives

    var current: UInt8? { pos < bytes.count ? bytes[pos] : nil }
    func byte(at i: Int) -> UInt8? { i >= 0 && i < bytes.count ? bytes[i] : nil }
    func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 13 || b == 10 }
    func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    func isWordByte(_ b: UInt8) -> Bool {
        isDigit(b) || b == 95 || (b >= 97 && b <= 122) || (b >= 65 && b <= 90)
    }
    func isNameByte(_ b: UInt8) -> Bool { isWordByte(b) || b == UInt8(ascii: ":") }

    mutating func skipSpaces() {
        while let b = current, isSpace(b) { pos += 1 }
    }

    /// The character at `i` for messages: `"x"`, or `end of input`.
    func describe(at i: Int) -> String {
        guard i < bytes.count else { return "end of input" }
        var j = i + 1
        while j < bytes.count, bytes[j] & 0xC0 == 0x80 { j += 1 }
        return "character " + GoQuote.string(String(decoding: bytes[i..<j], as: UTF8.self))
    }

    func slice(_ a: Int, _ b: Int) -> String {
        String(decoding: bytes[a..<Swift.min(b, bytes.count)], as: UTF8.self)
    }

    // MARK: - Metric

    /// Parses the metric part at `pos` and leaves `pos` right after it.
    mutating func parseMetric() throws -> Labels {
        skipSpaces()
        let start = pos
        while let b = current, isNameByte(b) { pos += 1 }
        if current == UInt8(ascii: "{") { try skipBraces() }
        guard pos > start else {
            throw SeriesDescriptionError("unexpected \(describe(at: pos)), expected a metric name or a label set", at: pos)
        }
        let metricText = slice(start, pos)
        if metricText.filter({ !$0.isWhitespace }) == "{}" { return .empty }
        let expr: Expr
        do {
            expr = try Parser(options: .allExperimental).parseExpr(metricText)
        } catch let errors as ParseErrors {
            let issue = errors.first
            throw SeriesDescriptionError(issue?.message ?? "invalid metric", at: start + (issue?.span.start ?? 0))
        }
        guard case .vectorSelector(let selector) = expr, selector.offset == nil, selector.at == nil else {
            throw SeriesDescriptionError("invalid metric \(GoQuote.string(metricText))", at: start)
        }
        var seen = Set<String>()
        var pairs: [Label] = []
        for matcher in selector.matchers {
            guard matcher.type == .equal else {
                throw SeriesDescriptionError("label matcher \(matcher) in a series description must use \"=\"", at: start)
            }
            guard seen.insert(matcher.name).inserted else {
                throw SeriesDescriptionError("duplicate label name \(GoQuote.string(matcher.name))", at: start)
            }
            pairs.append(Label(matcher.name, matcher.value))
        }
        return Labels(pairs)
    }

    /// Moves past a `{…}` label set, skipping quoted strings.
    mutating func skipBraces() throws {
        let open = pos
        pos += 1
        while let b = current {
            switch b {
            case UInt8(ascii: "}"):
                pos += 1
                return
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
                let quote = b
                pos += 1
                while let c = current, c != quote {
                    pos += (c == UInt8(ascii: "\\") && quote != UInt8(ascii: "`")) ? 2 : 1
                }
                guard current == quote else { throw SeriesDescriptionError("unterminated quoted string", at: pos) }
                pos += 1
            default:
                pos += 1
            }
        }
        throw SeriesDescriptionError("unclosed label set: missing \"}\"", at: open)
    }

    // MARK: - Values

    /// Parses whitespace-separated value items up to the end of the text.
    mutating func parseValues() throws {
        while true {
            skipSpaces()
            guard let b = current else { return }
            let itemStart = pos
            if b == UInt8(ascii: "{"), byte(at: pos + 1) == UInt8(ascii: "{") {
                try parseHistogramItem()
            } else if b == UInt8(ascii: "_") {
                pos += 1
                if current == UInt8(ascii: "x") {
                    pos += 1
                    let n = try parseCount()
                    try reserve(n, at: itemStart)
                    values.append(contentsOf: repeatElement(.omitted, count: n))
                } else {
                    try reserve(1, at: itemStart)
                    values.append(.omitted)
                }
            } else {
                try parseScalarItem()
            }
            if let c = current, !isSpace(c) {
                throw SeriesDescriptionError("unexpected \(describe(at: pos)) in series values", at: pos)
            }
        }
    }

    /// `a`, `axN`, `a+bxN`, `a-bxN` with `a` a number or `stale`.
    mutating func parseScalarItem() throws {
        let itemStart = pos
        let first = try parseValue(allowStale: true)
        if current == UInt8(ascii: "x") {
            pos += 1
            let n = try parseCount()
            try reserve(n + 1, at: itemStart)
            values.append(contentsOf: repeatElement(first, count: n + 1))
            return
        }
        guard let sign = current, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else {
            try reserve(1, at: itemStart)
            values.append(first)
            return
        }
        guard case .float(var v) = first else {
            throw SeriesDescriptionError("\"stale\" cannot start an a+bxN sequence", at: itemStart)
        }
        pos += 1
        let deltaStart = pos
        guard case .float(let magnitude) = try parseValue(allowStale: false, allowSign: false) else {
            throw SeriesDescriptionError("expected a number", at: deltaStart)
        }
        let delta = sign == UInt8(ascii: "-") ? -magnitude : magnitude
        guard current == UInt8(ascii: "x") else {
            throw SeriesDescriptionError("unexpected \(describe(at: pos)) in series values, expected \"x\" and a repetition count", at: pos)
        }
        pos += 1
        let n = try parseCount()
        try reserve(n + 1, at: itemStart)
        for _ in 0...n {
            values.append(.float(v))
            v += delta
        }
    }

    /// A signed number, `Inf`, `NaN`, or (when allowed) `stale`.
    mutating func parseValue(allowStale: Bool, allowSign: Bool = true) throws -> SeriesValue {
        let start = pos
        var negative = false
        if allowSign, let b = current, b == UInt8(ascii: "+") || b == UInt8(ascii: "-") {
            negative = b == UInt8(ascii: "-")
            pos += 1
        }
        guard let b = current else { throw SeriesDescriptionError("unexpected end of input, expected a number", at: pos) }
        if isDigit(b) || (b == UInt8(ascii: ".") && byte(at: pos + 1).map(isDigit) == true) {
            let numberStart = pos
            scanNumber()
            let raw = slice(numberStart, pos)
            guard let value = NumberParsing.parse(raw) else {
                throw SeriesDescriptionError("invalid number \(GoQuote.string(raw))", at: numberStart)
            }
            return .float(negative ? -value : value)
        }
        guard isWordByte(b) else {
            throw SeriesDescriptionError("unexpected \(describe(at: pos)) in series values, expected a number or \"stale\"", at: pos)
        }
        let wordStart = pos
        while let c = current, isWordByte(c) { pos += 1 }
        let word = slice(wordStart, pos)
        if word == "stale", allowStale, wordStart == start { return .stale }
        switch word.lowercased() {
        case "inf": return .float(negative ? -.infinity : .infinity)
        case "nan": return .float(.nan)
        default:
            throw SeriesDescriptionError("unexpected identifier \(GoQuote.string(word)) in series values, expected a number or \"stale\"", at: wordStart)
        }
    }

    /// Moves past a decimal number; stops before `x` (the repetition marker). Hexadecimal is not accepted
    /// in series values (`1+0x3` means "1, then +0 three times"), as in Prometheus.
    mutating func scanNumber() {
        while let c = current {
            if isDigit(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") {
                pos += 1
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                pos += 1
                if let s = current, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { pos += 1 }
            } else {
                return
            }
        }
    }

    /// The decimal repetition count after `x`.
    mutating func parseCount() throws -> Int {
        let start = pos
        var n = 0
        while let c = current, isDigit(c) {
            let (m, o1) = n.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(c - 48))
            if o1 || o2 || s > limits.maxValues {
                throw SeriesDescriptionError("repetition count \(GoQuote.string(countText(from: start))) is larger than the limit of \(limits.maxValues) values", at: start)
            }
            n = s
            pos += 1
        }
        guard pos > start else {
            throw SeriesDescriptionError("invalid repetition in series values: expected a count after \"x\", found \(describe(at: pos))", at: pos)
        }
        return n
    }

    private func countText(from start: Int) -> String {
        var end = start
        while end < bytes.count, isDigit(bytes[end]) { end += 1 }
        return slice(start, end)
    }

    /// Fails when adding `n` values would exceed the limit.
    func reserve(_ n: Int, at offset: Int) throws {
        if n > limits.maxValues - values.count {
            throw SeriesDescriptionError("series expands to more than \(limits.maxValues) values", at: offset)
        }
    }
}
