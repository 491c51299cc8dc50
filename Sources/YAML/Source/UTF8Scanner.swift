import Diagnostics

/// Byte-level helpers over UTF-8 input: validation and turning byte offsets into positions.
enum UTF8Scanner {
    // MARK: - Validation

    /// The offset of the first byte that is not part of a well-formed UTF-8 sequence, or `nil`.
    static func firstInvalidOffset(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = b.baseAddress else { return nil }
        let n = b.count
        var i = 0
        while i < n {
            // ASCII fast path, eight bytes at a time.
            while i + 8 <= n,
                  UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < n else { break }
            let c = base[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return i
            }
            guard i + need < n else { return i }
            let second = base[i + 1]
            guard second >= lo, second <= hi else { return i }
            var k = 2
            while k <= need {
                guard base[i + k] & 0xC0 == 0x80 else { return i }
                k += 1
            }
            i += need + 1
        }
        return nil
    }

    // MARK: - Positions

    /// The 1-based line and column (in Unicode scalars) of byte `offset`.
    /// Lines break at `\n`, `\r\n` and a lone `\r`; a leading byte-order mark is not counted.
    static func location(ofByteOffset offset: Int, in b: UnsafeBufferPointer<UInt8>, file: String) -> SourceLocation {
        let end = min(max(offset, 0), b.count)
        var line = 1, column = 1
        var i = 0
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        while i < end {
            let c = b[i]
            if c == 0x0A {
                line += 1; column = 1
            } else if c == 0x0D {
                if i + 1 < b.count, b[i + 1] == 0x0A {
                    // The \n that follows ends the line.
                } else {
                    line += 1; column = 1
                }
            } else if c & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The text of 1-based line `line` (without its line break), if it exists.
    static func lineText(_ line: Int, in b: UnsafeBufferPointer<UInt8>) -> String? {
        var current = 1
        var start = 0
        var i = 0
        while i < b.count, current < line {
            if b[i] == 0x0A { current += 1; start = i + 1 }
            i += 1
        }
        guard current == line else { return nil }
        var stop = start
        while stop < b.count, b[stop] != 0x0A, b[stop] != 0x0D { stop += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: b[start..<stop]), as: UTF8.self)
    }
}
