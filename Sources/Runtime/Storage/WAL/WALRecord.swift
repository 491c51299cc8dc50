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

    /// The byte stored in the frame header for this kind of record.
    var type: WALRecordType {
        switch self {
        case .series: return .series
        case .samples(let samples): return samples.contains { $0.st != 0 } ? .samplesWithStart : .samples
        }
    }
}

/// A series as logged: the WAL's reference for it and its labels.
public struct WALSeries: Hashable, Sendable {
    /// The reference sample records use (never 0, never reused within a directory).
    public var ref: UInt64
    public var labels: Labels

    public init(ref: UInt64, labels: Labels) {
        self.ref = ref
        self.labels = labels
    }
}

/// A sample as logged. Equality compares value bits, so NaN and stale markers round-trip exactly.
public struct WALSample: Hashable, Sendable {
    public var ref: UInt64
    /// Milliseconds since the epoch.
    public var t: Int64
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
}
