/// Helpers to read Unicode scalars and position context out of valid UTF-8 bytes.
enum UTF8Input {
    /// Decodes the scalar at byte offset `i` (which must be `< bytes.count`); returns value and width.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        let n = bytes.count
        if b0 < 0xE0 {
            guard i + 1 < n else { return (0xFFFD, 1) }
            return (((b0 & 0x1F) << 6) | (UInt32(bytes[i + 1]) & 0x3F), 2)
        }
        if b0 < 0xF0 {
            guard i + 2 < n else { return (0xFFFD, 1) }
            return (((b0 & 0x0F) << 12) | ((UInt32(bytes[i + 1]) & 0x3F) << 6) | (UInt32(bytes[i + 2]) & 0x3F), 3)
        }
        guard i + 3 < n else { return (0xFFFD, 1) }
        let v = ((b0 & 0x07) << 18) | ((UInt32(bytes[i + 1]) & 0x3F) << 12)
            | ((UInt32(bytes[i + 2]) & 0x3F) << 6) | (UInt32(bytes[i + 3]) & 0x3F)
        return (v, 4)
    }

    /// The scalar ending just before byte offset `i` (`i > 0`).
    @inline(__always)
    static func decodeBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt32 {
        var j = i - 1
        while j > 0 && j > i - 4 && bytes[j] & 0xC0 == 0x80 { j -= 1 }
        return decode(bytes, j).0
    }

    /// ASCII word characters `[0-9A-Za-z_]`, as `\b` uses them.
    @inline(__always)
    static func isWordChar(_ c: UInt32) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
    }

    /// A bit set of the assertions (by `RegexAssertion` raw value) that hold at byte offset `i`.
    static func assertionsAt(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt8 {
        let prev: UInt32? = i > 0 ? decodeBefore(bytes, i) : nil
        let next: UInt32? = i < bytes.count ? decode(bytes, i).0 : nil
        var bits: UInt8 = 0
        func set(_ a: RegexAssertion) { bits |= 1 << a.rawValue }
        if prev == nil { set(.beginText); set(.beginLine) }
        if next == nil { set(.endText); set(.endLine) }
        if prev == 0x0A { set(.beginLine) }
        if next == 0x0A { set(.endLine) }
        let wordBefore = prev.map(isWordChar) ?? false
        let wordAfter = next.map(isWordChar) ?? false
        set(wordBefore != wordAfter ? .wordBoundary : .notWordBoundary)
        return bits
    }
}
