/// Reads bits, most significant first, from a byte buffer written by `BitWriter`.
struct BitReader: Sendable {
    private let bytes: [UInt8]
    private var position = 0
    private let totalBits: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.totalBits = bytes.count * 8
    }

    // MARK: - Reading

    /// Reads one bit, or `nil` at the end of the buffer.
    @inline(__always)
    mutating func readBit() -> Bool? {
        guard position < totalBits else { return nil }
        let byte = bytes[position >> 3]
        let bit = (byte >> UInt8(7 - (position & 7))) & 1
        position += 1
        return bit == 1
    }

    /// Reads `count` bits (0...64) as an unsigned integer, or `nil` when fewer remain.
    mutating func readBits(_ count: Int) -> UInt64? {
        guard count >= 0, count <= 64, count <= totalBits - position else { return nil }
        var result: UInt64 = 0
        var remaining = count
        while remaining > 0 {
            let offset = position & 7
            let available = 8 - offset
            let take = min(available, remaining)
            let byte = UInt64(bytes[position >> 3])
            let piece = (byte >> UInt64(available - take)) & ((1 << UInt64(take)) - 1)
            result = (result << UInt64(take)) | piece
            position += take
            remaining -= take
        }
        return result
    }
}
