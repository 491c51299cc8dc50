import Exposition
import PromModel
import Storage

/// Prometheus remote-write 1.0's `WriteRequest`: time series with labels and float samples, and
/// metric metadata. Decoded from (and encoded to) the snappy-compressed protobuf a
/// `remote_write` sender POSTs to `/api/v1/write`.
///
/// ```swift
/// let request = try RemoteWriteRequest.decode(snappyCompressed: body, limits: .default)
/// let stats = try request.append(to: storage)
/// ```
///
/// Exemplars and native histograms are skipped (counted in ``skippedHistograms``).
public struct RemoteWriteRequest: Sendable, Equatable {
    /// One series and its samples.
    public struct TimeSeries: Sendable, Equatable {
        public var labels: Labels
        public var samples: [Sample]

        public init(labels: Labels, samples: [Sample]) {
            self.labels = labels
            self.samples = samples
        }
    }

    /// `MetricMetadata`: a family's type, help and unit.
    public struct Metadata: Sendable, Equatable {
        /// The protobuf enum value (0 unknown, 1 counter, 2 gauge, 3 histogram, 4 gaugehistogram,
        /// 5 summary, 6 info, 7 stateset).
        public var type: Int
        public var metricFamilyName: String
        public var help: String
        public var unit: String

        public init(type: Int, metricFamilyName: String, help: String = "", unit: String = "") {
            self.type = type
            self.metricFamilyName = metricFamilyName
            self.help = help
            self.unit = unit
        }
    }

    /// Bounds on one request.
    public struct Limits: Sendable, Hashable {
        /// Largest decompressed protobuf, in bytes.
        public var maxDecodedBytes: Int
        public var maxSeries: Int
        public var maxSamples: Int
        public var maxLabelsPerSeries: Int

        public init(maxDecodedBytes: Int = 32 << 20, maxSeries: Int = 1_000_000, maxSamples: Int = 5_000_000,
                    maxLabelsPerSeries: Int = 256) {
            self.maxDecodedBytes = maxDecodedBytes
            self.maxSeries = maxSeries
            self.maxSamples = maxSamples
            self.maxLabelsPerSeries = maxLabelsPerSeries
        }

        public static let `default` = Limits()
    }

    public var timeseries: [TimeSeries]
    public var metadata: [Metadata]
    /// Native histograms found and not stored.
    public var skippedHistograms: Int = 0

    public init(timeseries: [TimeSeries] = [], metadata: [Metadata] = []) {
        self.timeseries = timeseries
        self.metadata = metadata
    }

    // MARK: - Decoding

    /// Decodes a snappy-compressed `WriteRequest` body.
    /// - Throws: ``RemoteWriteError`` for bad snappy, bad protobuf or input beyond `limits`.
    public static func decode(snappyCompressed body: [UInt8], limits: Limits = .default) throws -> RemoteWriteRequest {
        let raw: [UInt8]
        do {
            raw = try Snappy.decode(body, maxLength: limits.maxDecodedBytes)
        } catch let error as Snappy.Error {
            throw RemoteWriteError(message: error.description)
        }
        return try decode(protobuf: raw, limits: limits)
    }

    /// Decodes an uncompressed `WriteRequest` protobuf.
    public static func decode(protobuf bytes: [UInt8], limits: Limits = .default) throws -> RemoteWriteRequest {
        guard bytes.count <= limits.maxDecodedBytes else {
            throw RemoteWriteError(message: "request of \(bytes.count) bytes exceeds \(limits.maxDecodedBytes)")
        }
        do {
            var out = RemoteWriteRequest()
            var samples = 0
            var reader = ProtobufReader(bytes)
            while let field = try reader.nextField() {
                switch (field.field, field.wire) {
                case (1, .lengthDelimited):
                    guard out.timeseries.count < limits.maxSeries else {
                        throw RemoteWriteError(message: "more than \(limits.maxSeries) series in one request")
                    }
                    var inner = try reader.message()
                    let series = try decodeSeries(&inner, limits: limits, skipped: &out.skippedHistograms)
                    samples += series.samples.count
                    guard samples <= limits.maxSamples else {
                        throw RemoteWriteError(message: "more than \(limits.maxSamples) samples in one request")
                    }
                    out.timeseries.append(series)
                case (3, .lengthDelimited):
                    var inner = try reader.message()
                    out.metadata.append(try decodeMetadata(&inner))
                default:
                    try reader.skip(field.wire)
                }
            }
            return out
        } catch let error as ProtobufDecodeError {
            throw RemoteWriteError(message: "protobuf: \(error.description)")
        }
    }

    private static func decodeSeries(_ r: inout ProtobufReader, limits: Limits, skipped: inout Int) throws -> TimeSeries {
        var labels: [Label] = []
        var samples: [Sample] = []
        while let field = try r.nextField() {
            switch (field.field, field.wire) {
            case (1, .lengthDelimited):
                guard labels.count < limits.maxLabelsPerSeries else {
                    throw RemoteWriteError(message: "series with more than \(limits.maxLabelsPerSeries) labels")
                }
                var l = try r.message()
                var name = "", value = ""
                while let f = try l.nextField() {
                    switch (f.field, f.wire) {
                    case (1, .lengthDelimited): name = try l.validUTF8String()
                    case (2, .lengthDelimited): value = try l.validUTF8String()
                    default: try l.skip(f.wire)
                    }
                }
                labels.append(Label(name, value))
            case (2, .lengthDelimited):
                var s = try r.message()
                var sample = Sample(t: 0, v: 0)
                while let f = try s.nextField() {
                    switch (f.field, f.wire) {
                    case (1, .fixed64): sample.v = Double(bitPattern: try s.fixed64())
                    case (2, .varint): sample.t = Int64(bitPattern: try s.varint())
                    default: try s.skip(f.wire)
                    }
                }
                samples.append(sample)
            case (4, .lengthDelimited):
                skipped += 1
                try r.skip(field.wire)
            default:
                try r.skip(field.wire)
            }
        }
        let names = labels.map(\.name)
        guard Set(names).count == names.count else {
            throw RemoteWriteError(message: "duplicate label name in series \(Labels(labels))")
        }
        for name in names where name.isEmpty {
            throw RemoteWriteError(message: "empty label name in series \(Labels(labels))")
        }
        return TimeSeries(labels: Labels(labels), samples: samples)
    }

    private static func decodeMetadata(_ r: inout ProtobufReader) throws -> Metadata {
        var m = Metadata(type: 0, metricFamilyName: "")
        while let f = try r.nextField() {
            switch (f.field, f.wire) {
            case (1, .varint): m.type = Int(truncatingIfNeeded: try r.varint())
            case (2, .lengthDelimited): m.metricFamilyName = try r.validUTF8String()
            case (4, .lengthDelimited): m.help = try r.validUTF8String()
            case (5, .lengthDelimited): m.unit = try r.validUTF8String()
            default: try r.skip(f.wire)
            }
        }
        return m
    }

    // MARK: - Encoding

    /// The request as protobuf bytes.
    public func encodedProtobuf() -> [UInt8] {
        var w = ProtobufWriter()
        for series in timeseries {
            w.messageField(1) { ts in
                for label in series.labels {
                    ts.messageField(1) { l in
                        l.stringField(1, label.name)
                        l.stringField(2, label.value)
                    }
                }
                for sample in series.samples {
                    ts.messageField(2) { s in
                        s.doubleField(1, sample.v)
                        s.int64Field(2, sample.t)
                    }
                }
            }
        }
        for m in metadata {
            w.messageField(3) { md in
                md.varintField(1, UInt64(max(0, m.type)))
                md.stringField(2, m.metricFamilyName)
                if !m.help.isEmpty { md.stringField(4, m.help) }
                if !m.unit.isEmpty { md.stringField(5, m.unit) }
            }
        }
        return w.bytes
    }

    /// The request as a snappy-compressed body, as `remote_write` sends it.
    public func encodedSnappy() -> [UInt8] { Snappy.encode(encodedProtobuf()) }

    // MARK: - Appending

    /// What appending a request did.
    public struct AppendStats: Sendable, Hashable {
        public var samplesAppended = 0
        public var samplesRejected = 0
        /// The first rejection, for the response body.
        public var firstError: String?
    }

    /// Appends every sample to `storage` in one batch; samples storage rejects (out of order,
    /// limits) are counted, not fatal — as Prometheus's receiver, which answers 400 only when
    /// all of a request is unusable.
    @discardableResult
    public func append(to storage: any Appendable) throws -> AppendStats {
        var stats = AppendStats()
        let app = storage.appender()
        for series in timeseries {
            guard series.labels.metricName != nil else {
                stats.samplesRejected += series.samples.count
                if stats.firstError == nil { stats.firstError = "series without __name__: \(series.labels)" }
                continue
            }
            var ref: SeriesRef?
            for sample in series.samples {
                do {
                    if let ref {
                        try app.append(ref, t: sample.t, v: sample.v)
                    } else {
                        ref = try app.append(series.labels, t: sample.t, v: sample.v)
                    }
                    stats.samplesAppended += 1
                } catch {
                    stats.samplesRejected += 1
                    if stats.firstError == nil { stats.firstError = "\(error)" }
                }
            }
        }
        do {
            try app.commit()
        } catch {
            if stats.firstError == nil { stats.firstError = "\(error)" }
        }
        return stats
    }
}

/// A remote-write body that cannot be decoded.
public struct RemoteWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
