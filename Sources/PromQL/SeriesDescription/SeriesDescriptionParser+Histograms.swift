// MARK: - Native histogram notation

extension SeriesDescriptionParser {
    /// `{{…}}`, `{{…}}xN`, `{{…}}+{{…}}xN` or `{{…}}-{{…}}xN`.
    mutating func parseHistogramItem() throws {
        let itemStart = pos
        let first = try parseHistogram()
        if current == UInt8(ascii: "x") {
            pos += 1
            let n = try parseCount()
            try reserve(n + 1, at: itemStart)
            values.append(contentsOf: repeatElement(.histogram(first), count: n + 1))
            return
        }
        guard let sign = current, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
              byte(at: pos + 1) == UInt8(ascii: "{"), byte(at: pos + 2) == UInt8(ascii: "{") else {
            try reserve(1, at: itemStart)
            values.append(.histogram(first))
            return
        }
        pos += 1
        let deltaStart = pos
        let delta = try parseHistogram()
        guard current == UInt8(ascii: "x") else {
            throw SeriesDescriptionError("unexpected \(describe(at: pos)) after histogram increment, expected \"x\" and a repetition count", at: pos)
        }
        pos += 1
        let n = try parseCount()
        try reserve(n + 1, at: itemStart)
        var h = first
        var totalBuckets = 0
        for _ in 0...n {
            totalBuckets += h.positiveBuckets.count + h.negativeBuckets.count
            if totalBuckets > limits.maxTotalBuckets {
                throw SeriesDescriptionError("histogram sequence holds more than \(limits.maxTotalBuckets) buckets in all; use fewer steps or buckets", at: itemStart)
            }
            values.append(.histogram(h))
            do {
                h = try h.combined(with: delta, subtract: sign == UInt8(ascii: "-"), maxBuckets: limits.maxBuckets)
            } catch .incompatibleBuckets {
                throw SeriesDescriptionError("histograms of an increment sequence must have the same schema and custom bounds", at: deltaStart)
            } catch .tooManyBuckets(let needed) {
                throw SeriesDescriptionError("histogram sum needs \(needed) buckets, more than the limit of \(limits.maxBuckets) (bucket offsets too far apart)", at: deltaStart)
            }
        }
    }

    /// One `{{field:value …}}` block.
    mutating func parseHistogram() throws -> SeriesHistogram {
        let open = pos
        pos += 2
        var h = SeriesHistogram()
        var seen = Set<String>()
        while true {
            skipSpaces()
            guard let b = current else { throw SeriesDescriptionError("unclosed histogram: missing \"}}\"", at: open) }
            if b == UInt8(ascii: "}") {
                guard byte(at: pos + 1) == UInt8(ascii: "}") else {
                    throw SeriesDescriptionError("unexpected \(describe(at: pos + 1)) in histogram, expected \"}}\"", at: pos + 1)
                }
                pos += 2
                return h
            }
            let keyStart = pos
            while let c = current, isWordByte(c) { pos += 1 }
            let key = slice(keyStart, pos)
            guard !key.isEmpty else {
                throw SeriesDescriptionError("unexpected \(describe(at: pos)) in histogram, expected a field name", at: pos)
            }
            guard current == UInt8(ascii: ":") else {
                throw SeriesDescriptionError("unexpected \(describe(at: pos)) after histogram field \(GoQuote.string(key)), expected \":\"", at: pos)
            }
            pos += 1
            guard seen.insert(key).inserted else {
                throw SeriesDescriptionError("duplicate histogram field \(GoQuote.string(key))", at: keyStart)
            }
            try parseField(key, at: keyStart, into: &h)
        }
    }

    private mutating func parseField(_ key: String, at keyStart: Int, into h: inout SeriesHistogram) throws {
        switch key {
        case "schema": h.schema = try parseInteger()
        case "sum": h.sum = try parseFloat()
        case "count": h.count = try parseFloat()
        case "z_bucket": h.zeroCount = try parseFloat()
        case "z_bucket_w": h.zeroThreshold = try parseFloat()
        case "buckets": h.positiveBuckets = try parseList()
        case "offset": h.positiveOffset = try parseInteger()
        case "n_buckets": h.negativeBuckets = try parseList()
        case "n_offset": h.negativeOffset = try parseInteger()
        case "custom_values": h.customValues = try parseList()
        case "counter_reset_hint":
            let start = pos
            while let c = current, isWordByte(c) { pos += 1 }
            let word = slice(start, pos)
            guard let hint = SeriesHistogram.CounterResetHint(rawValue: word) else {
                throw SeriesDescriptionError("invalid counter_reset_hint \(GoQuote.string(word)), expected unknown, reset, not_reset or gauge", at: start)
            }
            h.counterResetHint = hint
            h.counterResetHintWritten = true
        default:
            throw SeriesDescriptionError("unknown histogram field \(GoQuote.string(key))", at: keyStart)
        }
    }

    private mutating func parseFloat() throws -> Double {
        let start = pos
        guard case .float(let v) = try parseValue(allowStale: false) else {
            throw SeriesDescriptionError("expected a number", at: start)
        }
        return v
    }

    private mutating func parseInteger() throws -> Int32 {
        let start = pos
        let v = try parseFloat()
        guard v == v.rounded(), v >= Double(Int32.min), v <= Double(Int32.max) else {
            throw SeriesDescriptionError("expected an integer, found \(GoQuote.string(slice(start, pos)))", at: start)
        }
        return Int32(v)
    }

    /// `[1 2 3]`.
    private mutating func parseList() throws -> [Double] {
        guard current == UInt8(ascii: "[") else {
            throw SeriesDescriptionError("unexpected \(describe(at: pos)), expected \"[\"", at: pos)
        }
        let open = pos
        pos += 1
        var out: [Double] = []
        while true {
            skipSpaces()
            guard let b = current else { throw SeriesDescriptionError("unclosed bucket list: missing \"]\"", at: open) }
            if b == UInt8(ascii: "]") { pos += 1; return out }
            if out.count >= limits.maxBuckets {
                throw SeriesDescriptionError("bucket list longer than \(limits.maxBuckets) entries", at: pos)
            }
            out.append(try parseFloat())
            if let c = current, !isSpace(c), c != UInt8(ascii: "]") {
                throw SeriesDescriptionError("unexpected \(describe(at: pos)) in bucket list", at: pos)
            }
        }
    }
}
