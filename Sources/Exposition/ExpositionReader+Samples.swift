import Diagnostics
import PromModel

// MARK: - Sample lines

extension ExpositionReader {
    /// Suffixes that tie a sample name to a family name, across both formats.
    static let familySuffixes = ["_total", "_created", "_bucket", "_count", "_sum", "_gcount", "_gsum", "_info"]

    /// Reads a sample line, returning the sample and its series number.
    mutating func sampleLine(_ s: inout LineScanner) throws -> (MetricSample, Int) {
        let nameStart = s.pos
        let (name, nameHash) = try s.metricName(reusing: previousSample?.name, interner: &interner)
        let afterName = s.pos
        s.optionalBlanks()
        var set = LineScanner.LabelSet()
        let labelsStart = s.pos
        if s.peek == 123 {
            set = try s.labelSet(limit: limits.maxLabelsPerSample, forbidMetricName: true,
                                 previous: previousSample?.labels, interner: &interner)
        } else {
            s.pos = afterName
        }
        try s.separator("the value")
        let valueRange = s.wordRange()
        let valueStart = valueRange.lowerBound
        guard let value = ExpositionNumber.parseValue(bytes: s.bytes, valueRange, format: format) else {
            throw s.error("invalid-value", "invalid sample value \"\(s.text(valueRange.lowerBound, valueRange.upperBound))\"",
                          at: valueStart)
        }
        var timestamp: Int64?
        var exemplar: Exemplar?
        var exemplarStart = 0
        if format == .prometheusText {
            s.skipBlanks()
            if !s.atEnd {
                timestamp = try parseTimestamp(&s)
                try endOfLine(&s)
            }
        } else if !s.atEnd {
            try s.separator("a timestamp or exemplar")
            if s.peek != 35 { timestamp = try parseTimestamp(&s) }
            if !s.atEnd {
                if s.peek != 35 { try s.separator("an exemplar") }
                exemplarStart = s.pos
                exemplar = try parseExemplar(&s)
            }
        }
        guard sampleCount < limits.maxSamples else {
            throw s.error("limit-exceeded", "more than \(limits.maxSamples) samples", at: nameStart)
        }
        sampleCount += 1

        let index: Int, suffix: String
        if let last = lastFamily, last.index == current, last.name == name {
            (index, suffix) = (last.index, last.suffix)
        } else {
            (index, suffix) = try family(for: name, s: s, at: nameStart)
            lastFamily = (name, index, suffix)
        }
        // `set` was read against `previousSample`, which is the cache's last input too.
        let labels = canonicalLabels.labels(for: set.labels, sameNames: set.sameNames, sameLabels: set.sameLabels)
        previousSample = (name, set.labels)
        let sample = MetricSample(name: name, labels: labels, value: value,
                                  timestamp: timestamp, exemplar: exemplar, line: s.lineNumber)
        if format == .openMetrics {
            try checkOpenMetrics(sample, type: families[index].type, familyName: families[index].name, suffix: suffix, s: s,
                                 labelsAt: labelsStart, valueAt: valueStart, exemplarAt: exemplarStart)
        }
        let number = try checkDuplicate(sample, hash: ByteHash.pair(nameHash, set.hash), family: index, s: s, at: nameStart)
        if metadataLines[index].firstSample == nil { metadataLines[index].firstSample = s.lineNumber }
        familySamples += 1
        if keepSamples { families[index].samples.append(sample) }
        return (sample, number)
    }

    private func parseTimestamp(_ s: inout LineScanner) throws -> Int64 {
        // Plain numbers are read from the bytes; the rest (and every error) goes through a string.
        let range = s.wordRange()
        let fast = format == .prometheusText
            ? ExpositionNumber.parseMillis(bytes: s.bytes, range) : ExpositionNumber.parseSeconds(bytes: s.bytes, range)
        if let t = fast { return t }
        s.pos = range.lowerBound
        let (text, start) = s.word()
        let parsed = format == .prometheusText
            ? ExpositionNumber.parseMillis(text) : ExpositionNumber.parseSeconds(text)
        guard let t = parsed else {
            let unit = format == .prometheusText ? "integer milliseconds" : "seconds"
            throw s.error("invalid-timestamp", "invalid timestamp \"\(text)\" (expected \(unit) within the 64-bit range)",
                          at: start)
        }
        return t
    }

    private mutating func parseExemplar(_ s: inout LineScanner) throws -> Exemplar {
        let start = s.pos
        guard s.peek == 35, s.pos + 1 < s.end, s.bytes[s.pos + 1] == 32 else {
            throw s.error("invalid-exemplar", "expected \"# \" before an exemplar, found \(s.found)")
        }
        s.pos += 2
        guard s.peek == 123 else { throw s.error("invalid-exemplar", "expected \"{\" to open the exemplar labels, found \(s.found)") }
        let labels = try s.labelSet(limit: limits.maxLabelsPerSample, forbidMetricName: false,
                                    interner: &interner).labels
        let runes = labels.reduce(0) { $0 + $1.name.unicodeScalars.count + $1.value.unicodeScalars.count }
        guard runes <= 128 else {
            throw s.error("invalid-exemplar", "exemplar labels have \(runes) characters, at most 128 are allowed", at: start)
        }
        try s.separator("the exemplar value")
        let valueRange = s.wordRange()
        guard let value = ExpositionNumber.parseValue(bytes: s.bytes, valueRange, format: format) else {
            throw s.error("invalid-value", "invalid exemplar value \"\(s.text(valueRange.lowerBound, valueRange.upperBound))\"",
                          at: valueRange.lowerBound)
        }
        var timestamp: Int64?
        if !s.atEnd {
            try s.separator("the exemplar timestamp")
            timestamp = try parseTimestamp(&s)
        }
        try endOfLine(&s)
        return Exemplar(labels: Labels(labels), value: value, timestamp: timestamp)
    }

    // MARK: - Families

    /// The family a sample belongs to and the sample's suffix within it, creating an untyped
    /// family when the name matches none; samples of an earlier family are an error.
    private mutating func family(for name: String, s: LineScanner, at p: Int) throws -> (Int, String) {
        if let c = current, let suffix = fit(name, families[c]) { return (c, suffix) }
        var candidates = [name]
        for suffix in ExpositionReader.familySuffixes where name.hasSuffix(suffix) {
            candidates.append(String(name.dropLast(suffix.count)))
        }
        for candidate in candidates {
            if let i = familyIndex[candidate], fit(name, families[i]) != nil {
                throw interleaved(name, family: i, s: s, at: p)
            }
        }
        if let i = familyIndex[name] {
            if i != current { throw interleaved(name, family: i, s: s, at: p) }
            let f = families[i]
            let expected = f.type.allowedSuffixes(in: format).map { "\"\(f.name)\($0)\"" }.joined(separator: ", ")
            throw s.error("invalid-sample-name",
                          "sample \"\(name)\" does not fit \(f.type.word(in: format)) family \"\(f.name)\" (expected \(expected))",
                          at: p)
        }
        return (newFamily(name, line: s.lineNumber), "")
    }

    /// The suffix of `name` within `family` if the family's type allows it.
    private func fit(_ name: String, _ family: MetricFamily) -> String? {
        guard name.hasPrefix(family.name) else { return nil }
        let suffix = String(name.utf8.dropFirst(family.name.utf8.count)) ?? ""
        return family.type.allowedSuffixes(in: format).contains(suffix) ? suffix : nil
    }

    // MARK: - Checks

    /// Checks that the series of `sample` (about to be appended to family `index`, the current one)
    /// has not been seen, or in OpenMetrics only with an earlier timestamp, records it and returns
    /// its series number. `hash` is the series hash from the line's bytes: equal series have equal hashes.
    private mutating func checkDuplicate(_ sample: MetricSample, hash: UInt64, family index: Int, s: LineScanner,
                                         at p: Int) throws -> Int {
        let probe = seen.probe(hash) { _, k in
            series[k].name == sample.name && series[k].labels == sample.labels
        }
        if let (_, k) = probe.found {
            let previous = series[k]
            let note = [Diagnostic.Note("previous sample", at: SourceLocation(file: file, line: previous.line, column: 1))]
            let here = s.location(at: p)
            // OpenMetrics may repeat a series with increasing timestamps (backfill data).
            if format == .openMetrics, let old = previous.timestamp, let new = sample.timestamp {
                if new < old {
                    throw ExpositionError("out-of-order-timestamp", "timestamp of \(sample.seriesLabels) goes backwards",
                                          at: here, notes: note)
                }
                if new == old {
                    throw ExpositionError("duplicate-series", "two samples for \(sample.seriesLabels) at the same timestamp",
                                          at: here, notes: note)
                }
            } else {
                throw ExpositionError("duplicate-series", "duplicate sample for series \(sample.seriesLabels)",
                                      at: here, notes: note)
            }
        }
        let k: Int
        if let found = probe.found {
            k = found.sample
            series[k].timestamp = sample.timestamp
            series[k].line = sample.line
        } else {
            k = series.count
            series.append(SeriesHead(name: sample.name, labels: sample.labels, timestamp: sample.timestamp,
                                     line: sample.line, first: familySamples))
        }
        if keepSamples { firstOfSeries.append(series[k].first) }
        seen.store(hash, at: probe, family: index, sample: k)
        return seriesBase + k
    }

    /// OpenMetrics rules that depend on the family type.
    /// `type` and `familyName` are those of the sample's family (passed alone, not copying the family).
    private func checkOpenMetrics(_ sample: MetricSample, type: MetricType, familyName: String, suffix: String,
                                  s: LineScanner, labelsAt: Int, valueAt: Int, exemplarAt: Int) throws {
        if sample.exemplar != nil, !type.allowsExemplar(suffix: suffix) {
            throw s.error("invalid-exemplar",
                          "exemplars are only allowed on counter _total and histogram _bucket samples", at: exemplarAt)
        }
        switch (type, suffix) {
        case (.histogram, "_bucket"), (.gaugeHistogram, "_bucket"):
            guard let le = sample.labels["le"] else {
                throw s.error("missing-label", "histogram bucket \"\(sample.name)\" has no \"le\" label", at: labelsAt)
            }
            guard ExpositionNumber.parseValue(le, format: format) != nil else {
                throw s.error("invalid-value", "\"le\" label value \"\(le)\" is not a number", at: labelsAt)
            }
        case (.summary, ""):
            guard let q = sample.labels["quantile"] else {
                throw s.error("missing-label", "summary quantile \"\(sample.name)\" has no \"quantile\" label", at: labelsAt)
            }
            guard ExpositionNumber.parseValue(q, format: format) != nil else {
                throw s.error("invalid-value", "\"quantile\" label value \"\(q)\" is not a number", at: labelsAt)
            }
        case (.stateSet, _):
            guard sample.labels[familyName] != nil else {
                throw s.error("missing-label", "stateset sample needs a \"\(familyName)\" label", at: labelsAt)
            }
            guard sample.value == 0 || sample.value == 1 else {
                throw s.error("invalid-value", "stateset values must be 0 or 1", at: valueAt)
            }
        case (.info, _):
            guard sample.value == 1 else { throw s.error("invalid-value", "info values must be 1", at: valueAt) }
        case (.counter, "_total"):
            guard !sample.value.isNaN, sample.value >= 0 else {
                throw s.error("invalid-value", "counter totals must be non-negative numbers", at: valueAt)
            }
        default:
            break
        }
    }
}
