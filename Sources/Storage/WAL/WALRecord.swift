import PromModel

/// One logical entry of the write-ahead log.
///
/// Series records name the series that later sample records refer to by `ref`; a `ref` means the
/// same label set for the whole life of a storage directory (it is never reused), so records written
/// by different processes can be replayed in one pass.
public enum WALRecord: Hashable, Sendable {
    /// Series first seen: their WAL reference and labels.
    case series([WALSeries])
    /// Samples of series named earlier, in the order they were committed.
    case samples([WALSample])
    /// Compressed chunks of series named earlier (checkpoints write these: ~1.5 bytes per sample).
    case chunks([WALChunk])
    /// Native-histogram samples of series named earlier, in the order they were committed.
    case histogramSamples([WALHistogramSample])
    /// Compressed histogram chunks of series named earlier (checkpoints write these).
    case histogramChunks([WALHistogramChunk])

    /// The byte stored in the frame header for this kind of record.
    var type: WALRecordType {
        switch self {
        case .series: return .series
        case .samples(let samples): return samples.contains { $0.st != 0 } ? .samplesWithStart : .samples
        case .chunks: return .chunks
        case .histogramSamples: return .histogramSamples
        case .histogramChunks: return .histogramChunks
        }
    }
}

/// A series as logged: the WAL's reference for it and its labels.
public struct WALSeries: Hashable, Sendable {
    /// The reference sample records use (never 0, never reused within a directory).
    public var ref: UInt64
    /// The series' labels, `__name__` included.
    public var labels: Labels

    public init(ref: UInt64, labels: Labels) {
        self.ref = ref
        self.labels = labels
    }
}

/// A sample as logged. Equality compares value bits, so NaN and stale markers round-trip exactly.
public struct WALSample: Hashable, Sendable {
    /// The series, as a `WALSeries.ref`.
    public var ref: UInt64
    /// Milliseconds since the epoch.
    public var t: Int64
    /// The value's exact bits are kept (NaN payloads, the staleness marker).
    public var v: Double
    /// Start timestamp (0 = none).
    public var st: Int64

    public init(ref: UInt64, t: Int64, v: Double, st: Int64 = 0) {
        self.ref = ref
        self.t = t
        self.v = v
        self.st = st
    }

    public static func == (lhs: WALSample, rhs: WALSample) -> Bool {
        lhs.ref == rhs.ref && lhs.t == rhs.t && lhs.v.bitPattern == rhs.v.bitPattern && lhs.st == rhs.st
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ref)
        hasher.combine(t)
        hasher.combine(v.bitPattern)
        hasher.combine(st)
    }
}

/// The type byte of a record frame. 0 is never written, so zero-filled space reads as corrupt.
enum WALRecordType: UInt8 {
    case series = 1
    case samples = 2
    case samplesWithStart = 3
    case chunks = 4
    case histogramSamples = 5
    case histogramChunks = 6
}

/// A chunk as logged: the series' WAL reference and the chunk's encoded samples (see `XORChunk`).
public struct WALChunk: Hashable, Sendable {
    /// The series, as a `WALSeries.ref`.
    public var ref: UInt64
    /// Samples in the chunk.
    public var count: Int
    /// Timestamps of the first and last sample.
    public var minT: Int64
    public var maxT: Int64
    /// The XOR-encoded samples.
    public var bytes: [UInt8]
    /// Start timestamps, one per sample (0 = none), or `nil` when no sample has one.
    public var startTimes: [Int64]?

    public init(ref: UInt64, count: Int, minT: Int64, maxT: Int64, bytes: [UInt8], startTimes: [Int64]? = nil) {
        self.ref = ref
        self.count = count
        self.minT = minT
        self.maxT = maxT
        self.bytes = bytes
        self.startTimes = startTimes
    }

    init(ref: UInt64, _ chunk: EncodedChunk) {
        self.init(ref: ref, count: chunk.count, minT: chunk.minT, maxT: chunk.maxT, bytes: chunk.bytes,
                  startTimes: chunk.startTimes)
    }

    /// The chunk to decode (a corrupt one decodes to fewer samples, never crashes).
    var encoded: EncodedChunk {
        EncodedChunk(bytes: bytes, count: count, minT: minT, maxT: maxT, startTimes: startTimes)
    }
}
