import PromModel
import PromQL

// MARK: - `metric{…}@st <items>` lines

extension PromQLTestParseState {
    /// The most start-timestamp offsets one `@st` line may expand to.
    static let maxStartOffsets = 100_000

    /// The start-timestamp offsets of an `@st` line's items (after the metric and `@st`), one per
    /// sample position: `nil` for `_`, otherwise the offset in milliseconds added to the sample's time.
    /// Items: `_`, `_xN` (N blanks), `<dur>`, `<dur>xN` (N+1 copies), `<dur>±<dur>xN` (N+1 values
    /// stepping by the second duration); durations may carry a sign.
    func startOffsets(_ text: Substring, _ line: ScriptLine, column: Int) throws -> [Int64?] {
        var out: [Int64?] = []
        var col = column
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            defer { col += word.count + 1 }
            if word.isEmpty || word.allSatisfy({ $0 == "\t" }) { continue }
            let item = word.trimmingTabs()
            guard let values = Self.startOffsetItem(item) else {
                throw error("invalid-series", "invalid start timestamp item \(GoQuote.string(String(item)))",
                            line, offset: col)
            }
            out.append(contentsOf: values)
            guard out.count <= Self.maxStartOffsets else {
                throw error("invalid-series", "start timestamp line expands to more than \(Self.maxStartOffsets) values",
                            line, offset: col)
            }
        }
        return out
    }

    /// The offsets of one item, or `nil` when it is malformed.
    static func startOffsetItem(_ item: Substring) -> [Int64?]? {
        var body = item, count: Int?
        if let x = item.lastIndex(of: "x") {
            guard let n = Int(item[item.index(after: x)...]), n >= 0, n < maxStartOffsets else { return nil }
            count = n
            body = item[..<x]
        }
        if body == "_" { return [Int64?](repeating: nil, count: count ?? 1) }
        // A sign at the front belongs to the first duration; a later one separates the step.
        let scan = body.dropFirst()
        var startText = body, stepText: Substring?, stepSign: Int64 = 1
        if let sep = scan.firstIndex(where: { $0 == "+" || $0 == "-" }) {
            startText = body[..<sep]
            stepText = body[body.index(after: sep)...]
            stepSign = body[sep] == "-" ? -1 : 1
        }
        guard let start = signedDuration(startText) else { return nil }
        guard let stepText else {
            return [Int64?](repeating: start, count: (count ?? 0) + 1)
        }
        guard let n = count, let step = signedDuration(stepText) else { return nil }
        var out: [Int64?] = []
        var v = start
        for i in 0...n {
            if i > 0 {
                let (next, o) = v.addingReportingOverflow(stepSign * step)
                if o { return nil }
                v = next
            }
            out.append(v)
        }
        return out
    }

    /// A duration with an optional `+`/`-` sign, in milliseconds.
    static func signedDuration(_ text: Substring) -> Int64? {
        var body = text, sign: Int64 = 1
        if let c = text.first, c == "+" || c == "-" {
            sign = c == "-" ? -1 : 1
            body = text.dropFirst()
        }
        guard !body.isEmpty, let d = try? Duration.parse(String(body)) else { return nil }
        return sign * d.milliseconds
    }
}

private extension Substring {
    func trimmingTabs() -> Substring {
        var s = self
        while s.first == "\t" { s = s.dropFirst() }
        while s.last == "\t" { s = s.dropLast() }
        return s
    }
}
