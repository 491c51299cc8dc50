/// An appendable chunk of float samples, compressed Gorilla-style.
///
/// Layout (our own, after the published Gorilla algorithm):
/// - sample 0: timestamp as 64 raw bits, value as 64 raw bits;
/// - sample 1: the timestamp delta encoded like a delta-of-delta against 0;
/// - later samples: the delta-of-delta of timestamps in one of five buckets
///   (`0` → 0; `10` + 14 bits; `110` + 17 bits; `1110` + 20 bits; `1111` + 64 bits, two's complement);
/// - every value after the first: XOR with the previous value's bits — `0` when equal, otherwise `1`
///   then either `0` + the meaningful bits inside the previous leading/trailing-zero window, or
///   `1` + 5 bits of leading zeros + 6 bits of significant length (0 meaning 64) + the bits.
///
/// Timestamps must strictly increase; `append` returns `false` when the chunk is full or the
/// timestamp delta cannot be represented, and the caller starts a new chunk.
struct XORChunk: Sendable {
    /// Samples per chunk before a new one is cut, as in Prometheus.
    static let targetSamples = 120

    private var writer = BitWriter(reservingBytes: 32)
    private(set) var count = 0
    private(set) var minT: Int64 = 0
    private(set) var maxT: Int64 = 0
    private var prevDelta: Int64 = 0
    private var prevBits: UInt64 = 0
    private var leading: Int = 0xFF
    private var trailing: Int = 0
    /// Start timestamps of the samples (0 = none), kept only once one sample has one, so chunks of
    /// series without start timestamps pay one `nil` check per append.
    private(set) var startTimes: [Int64]?

    init() {}

    var isFull: Bool { count >= XORChunk.targetSamples }
    var byteCount: Int { writer.byteCount }

    // MARK: - Appending

    /// Appends a sample with `t` greater than the last one and its start timestamp `st` (0 = none).
    /// Returns `false` (and changes nothing) when the chunk is full or the sample cannot be encoded here.
    mutating func append(t: Int64, v: Double, st: Int64 = 0) -> Bool {
        guard appendEncoded(t: t, v: v) else { return false }
        if st != 0 || startTimes != nil {
            if startTimes == nil { startTimes = [Int64](repeating: 0, count: count - 1) }
            startTimes?.append(st)
        }
        return true
    }

    private mutating func appendEncoded(t: Int64, v: Double) -> Bool {
        if count == 0 {
            writer.writeBits(UInt64(bitPattern: t), count: 64)
            writer.writeBits(v.bitPattern, count: 64)
            minT = t
            maxT = t
            prevBits = v.bitPattern
            count = 1
            return true
        }
        guard !isFull, t > maxT else { return false }
        let (delta, overflow) = t.subtractingReportingOverflow(maxT)
        guard !overflow else { return false }
        // delta and prevDelta are both positive, so their difference cannot overflow.
        writeTimestampDoD(count == 1 ? delta : delta - prevDelta)
        writeValue(v.bitPattern)
        prevDelta = delta
        maxT = t
        count += 1
        return true
    }

    private mutating func writeTimestampDoD(_ dod: Int64) {
        if dod == 0 {
            writer.writeBit(false)
            return
        }
        // The buckets of the layout above, unrolled (this runs for every sample).
        if XORChunk.fits(dod, bits: 14) {
            writer.writeBits(0b10, count: 2)
            writer.writeBits(UInt64(bitPattern: dod), count: 14)
            return
        }
        if XORChunk.fits(dod, bits: 17) {
            writer.writeBits(0b110, count: 3)
            writer.writeBits(UInt64(bitPattern: dod), count: 17)
            return
        }
        if XORChunk.fits(dod, bits: 20) {
            writer.writeBits(0b1110, count: 4)
            writer.writeBits(UInt64(bitPattern: dod), count: 20)
            return
        }
        writer.writeBits(0b1111, count: 4)
        writer.writeBits(UInt64(bitPattern: dod), count: 64)
    }

    private mutating func writeValue(_ bits: UInt64) {
        let x = bits ^ prevBits
        prevBits = bits
        if x == 0 {
            writer.writeBit(false)
            return
        }
        writer.writeBit(true)
        let lead = min(x.leadingZeroBitCount, 31)
        let trail = x.trailingZeroBitCount
        if leading != 0xFF, lead >= leading, trail >= trailing {
            writer.writeBit(false)
            let significant = 64 - leading - trailing
            writer.writeBits(x >> UInt64(trailing), count: significant)
            return
        }
        writer.writeBit(true)
        let significant = 64 - lead - trail
        writer.writeBits(UInt64(lead), count: 5)
        writer.writeBits(UInt64(significant & 63), count: 6)
        writer.writeBits(x >> UInt64(trail), count: significant)
        leading = lead
        trailing = trail
    }

    // MARK: - Buckets

    /// Whether `value` fits in a `bits`-wide two's-complement field.
    @inline(__always)
    static func fits(_ value: Int64, bits: Int) -> Bool {
        let limit = Int64(1) << Int64(bits - 1)
        return value >= -limit && value < limit
    }

    // MARK: - Snapshots

    /// The chunk as it is now, sharing storage (copy-on-write) for queries.
    func snapshot() -> EncodedChunk {
        EncodedChunk(bytes: writer.bytes, count: count, minT: minT, maxT: maxT, startTimes: startTimes)
    }

    /// The finished chunk, with its bytes copied into an exactly sized buffer.
    func sealed() -> EncodedChunk {
        EncodedChunk(bytes: writer.compactBytes(), count: count, minT: minT, maxT: maxT, startTimes: startTimes)
    }
}
