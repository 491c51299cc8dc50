/// An immutable, compressed run of samples of one series (see `XORChunk` for the layout).
public struct EncodedChunk: Sendable {
    let bytes: [UInt8]
    /// Number of samples.
    public let count: Int
    /// Timestamp of the first sample.
    public let minT: Int64
    /// Timestamp of the last sample.
    public let maxT: Int64
    /// Start timestamps of the samples, in order (0 = none); `nil` when no sample has one.
    public let startTimes: [Int64]?

    init(bytes: [UInt8], count: Int, minT: Int64, maxT: Int64, startTimes: [Int64]? = nil) {
        self.bytes = bytes
        self.count = count
        self.minT = minT
        self.maxT = maxT
        self.startTimes = startTimes
    }

    /// Size of the compressed payload in bytes.
    public var byteCount: Int { bytes.count }

    /// Whether the chunk has samples in `[mint, maxt]`.
    public func overlaps(mint: Int64, maxt: Int64) -> Bool {
        count > 0 && minT <= maxt && maxT >= mint
    }

    /// A decoder over the samples.
    public func makeIterator() -> ChunkIterator { ChunkIterator(self) }

    /// All samples, decoded.
    public var samples: [Sample] {
        var out: [Sample] = []
        out.reserveCapacity(count)
        var it = makeIterator()
        while let s = it.next() { out.append(s) }
        return out
    }
}

/// Decodes the samples of an `EncodedChunk` in order.
public struct ChunkIterator: IteratorProtocol, Sendable {
    private var reader: BitReader
    private let total: Int
    private var index = 0
    private var t: Int64 = 0
    private var delta: Int64 = 0
    private var bits: UInt64 = 0
    private var leading = 0
    private var trailing = 0

    init(_ chunk: EncodedChunk) {
        reader = BitReader(chunk.bytes)
        total = chunk.count
    }

    /// The next sample, or `nil` at the end (or on a corrupt chunk).
    @inline(__always)
    public mutating func next() -> Sample? {
        guard index < total else { return nil }
        if index == 0 {
            guard let rawT = reader.readBits(64), let rawV = reader.readBits(64) else { return fail() }
            t = Int64(bitPattern: rawT)
            bits = rawV
        } else {
            guard let dod = readDoD(), let newBits = readValue() else { return fail() }
            let (d, o1) = (index == 1 ? Int64(0) : delta).addingReportingOverflow(dod)
            let (nt, o2) = t.addingReportingOverflow(d)
            guard !o1, !o2 else { return fail() }
            delta = d
            t = nt
            bits = newBits
        }
        index += 1
        return Sample(t: t, v: Double(bitPattern: bits))
    }

    private mutating func fail() -> Sample? {
        index = total
        return nil
    }

    // MARK: - Decoding

    private mutating func readDoD() -> Int64? {
        guard let ones = reader.readOnes(upTo: 4) else { return nil }
        let width: Int
        switch ones {
        case 0: return 0
        case 1: width = 14
        case 2: width = 17
        case 3: width = 20
        default: width = 64
        }
        guard let raw = reader.readBits(width) else { return nil }
        if width == 64 { return Int64(bitPattern: raw) }
        // Sign-extend the `width`-bit field.
        let shift = UInt64(64 - width)
        return Int64(bitPattern: raw << shift) >> Int64(shift)
    }

    private mutating func readValue() -> UInt64? {
        guard let changed = reader.readBit() else { return nil }
        if !changed { return bits }
        guard let newWindow = reader.readBit() else { return nil }
        if newWindow {
            guard let lead = reader.readBits(5), let sig = reader.readBits(6) else { return nil }
            leading = Int(lead)
            let significant = sig == 0 ? 64 : Int(sig)
            guard leading + significant <= 64 else { return nil }
            trailing = 64 - leading - significant
        }
        let significant = 64 - leading - trailing
        guard let x = reader.readBits(significant) else { return nil }
        return bits ^ (x << UInt64(trailing))
    }
}
