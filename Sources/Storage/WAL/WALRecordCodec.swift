import PromModel

/// Encodes and decodes record payloads and frames.
///
/// A frame is `type (1 byte) | payload length (4 bytes, big endian) | CRC-32 of type and payload
/// (4 bytes, big endian) | payload`. Payloads:
/// - series: `count` then per series `ref`, `label count`, and per label `name`, `value`
///   (uvarint length + UTF-8 bytes);
/// - samples: `count`, then per sample the ref and the timestamp as signed varint deltas against the
///   previous sample of the record (the first against 0), and the value's 64 bits little endian;
///   `samplesWithStart` adds the start timestamp as a signed varint delta against the sample's `t`
///   (or 0 for none, written as the flag byte 0; 1 + delta otherwise).
///
/// - chunks: `count`, then per chunk a `WALChunkHeader` and a flag byte: 1 + one signed start timestamp per sample.
///
/// - histogram samples and histogram chunks: see `WALRecordCodec+Histograms.swift`.
///
/// A scrape of one target is one record: sequential refs and a shared timestamp cost 2 bytes plus
/// the value per sample.
enum WALRecordCodec {
    /// Bytes of a frame header.
    static let headerSize = 9

    // MARK: - Encoding

    /// Appends the framed record to `out`.
    static func appendFrame(_ record: WALRecord, to out: inout [UInt8]) {
        let start = out.count
        out.append(record.type.rawValue)
        out.append(contentsOf: [0, 0, 0, 0, 0, 0, 0, 0])
        var writer = WALByteWriter(buffer: out)
        out = []
        encodePayload(record, into: &writer)
        out = writer.buffer
        let length = out.count - start - headerSize
        var crc = CRC32()
        crc.update(CollectionOfOne(record.type.rawValue))
        crc.update(out[(start + headerSize)...])
        writeBE32(UInt32(truncatingIfNeeded: length), into: &out, at: start + 1)
        writeBE32(crc.value, into: &out, at: start + 5)
    }

    /// The framed bytes of one record.
    static func frame(_ record: WALRecord) -> [UInt8] {
        var out: [UInt8] = []
        appendFrame(record, to: &out)
        return out
    }

    static func encodePayload(_ record: WALRecord, into w: inout WALByteWriter) {
        switch record {
        case .series(let series):
            w.uvarint(UInt64(series.count))
            for s in series {
                w.uvarint(s.ref)
                w.uvarint(UInt64(s.labels.count))
                for label in s.labels {
                    w.string(label.name)
                    w.string(label.value)
                }
            }
        case .samples(let samples):
            let withStart = record.type == .samplesWithStart
            w.uvarint(UInt64(samples.count))
            var keys = WALSampleKeys()
            for s in samples {
                keys.encode(ref: s.ref, t: s.t, into: &w)
                w.le64(s.v.bitPattern)
                if withStart {
                    if s.st == 0 { w.byte(0) } else { w.byte(1); w.varint(s.t &- s.st) }
                }
            }
        case .chunks(let chunks):
            w.uvarint(UInt64(chunks.count))
            for c in chunks {
                WALChunkHeader(ref: c.ref, count: c.count, minT: c.minT, maxT: c.maxT, bytes: c.bytes).encode(into: &w)
                if let startTimes = c.startTimes, startTimes.count == c.count {
                    w.byte(1)
                    for st in startTimes { w.varint(st) }
                } else {
                    w.byte(0)
                }
            }
        case .histogramSamples(let samples):
            encodeHistogramSamples(samples, into: &w)
        case .histogramChunks(let chunks):
            encodeHistogramChunks(chunks, into: &w)
        }
    }

    private static func writeBE32(_ v: UInt32, into out: inout [UInt8], at i: Int) {
        out[i] = UInt8(truncatingIfNeeded: v >> 24)
        out[i + 1] = UInt8(truncatingIfNeeded: v >> 16)
        out[i + 2] = UInt8(truncatingIfNeeded: v >> 8)
        out[i + 3] = UInt8(truncatingIfNeeded: v)
    }

    // MARK: - Decoding

    /// The payload length and checksum of a frame header, or why it cannot start a record.
    static func parseHeader(_ h: UnsafeRawBufferPointer) -> (type: UInt8, length: Int, crc: UInt32) {
        let length = Int(h[1]) << 24 | Int(h[2]) << 16 | Int(h[3]) << 8 | Int(h[4])
        let crc = UInt32(h[5]) << 24 | UInt32(h[6]) << 16 | UInt32(h[7]) << 8 | UInt32(h[8])
        return (h[0], length, crc)
    }

    /// Decodes a payload whose checksum matched; throws `WALDecodeError` when it is malformed.
    static func decodePayload(type: UInt8, _ payload: UnsafeRawBufferPointer) throws -> WALRecord {
        var r = WALByteReader(payload)
        switch WALRecordType(rawValue: type) {
        case .series:
            let count = try r.uvarint()
            var out: [WALSeries] = []
            // Every series takes at least 2 bytes: never reserve more than the payload can hold.
            out.reserveCapacity(Int(min(count, UInt64(payload.count / 2))))
            for _ in 0..<count {
                let ref = try r.uvarint()
                let labelCount = try r.uvarint()
                guard labelCount <= UInt64(r.remaining / 2) else { throw WALDecodeError("label count \(labelCount) exceeds the record") }
                var pairs: [Label] = []
                pairs.reserveCapacity(Int(labelCount))
                for _ in 0..<labelCount {
                    let name = try r.string()
                    let value = try r.string()
                    pairs.append(Label(name, value))
                }
                out.append(WALSeries(ref: ref, labels: Labels(pairs)))
            }
            return .series(out)
        case .samples, .samplesWithStart:
            let withStart = type == WALRecordType.samplesWithStart.rawValue
            let count = try r.uvarint()
            var out: [WALSample] = []
            out.reserveCapacity(Int(min(count, UInt64(payload.count / 10))))
            var keys = WALSampleKeys()
            for _ in 0..<count {
                let (ref, t) = try keys.decode(&r)
                let v = Double(bitPattern: try r.le64())
                var st: Int64 = 0
                if withStart, try r.byte() != 0 { st = t &- (try r.varint()) }
                out.append(WALSample(ref: ref, t: t, v: v, st: st))
            }
            return .samples(out)
        case .chunks:
            let count = try r.uvarint()
            var out: [WALChunk] = []
            out.reserveCapacity(Int(min(count, UInt64(payload.count / 6))))
            for _ in 0..<count {
                let c = try WALChunkHeader.decode(&r, kind: "chunk")
                let samples = UInt64(c.count)
                var startTimes: [Int64]?
                if try r.byte() != 0 {
                    guard samples <= UInt64(r.remaining) else { throw WALDecodeError("start timestamps exceed the record") }
                    var sts: [Int64] = []
                    sts.reserveCapacity(Int(samples))
                    for _ in 0..<samples { sts.append(try r.varint()) }
                    startTimes = sts
                }
                out.append(WALChunk(ref: c.ref, count: c.count, minT: c.minT, maxT: c.maxT, bytes: c.bytes, startTimes: startTimes))
            }
            return .chunks(out)
        case .histogramSamples:
            return .histogramSamples(try decodeHistogramSamples(&r, payloadBytes: payload.count))
        case .histogramChunks:
            return .histogramChunks(try decodeHistogramChunks(&r, payloadBytes: payload.count))
        case nil:
            throw WALDecodeError("unknown record type \(type)")
        }
    }
}

/// A payload that passed its checksum but does not decode (a bug or a newer format).
struct WALDecodeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
