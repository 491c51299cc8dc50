/// Snappy's block format (no framing): what Prometheus remote write compresses its protobufs with.
///
/// ```swift
/// let compressed = Snappy.encode(bytes)
/// let plain = try Snappy.decode(compressed, maxLength: 32 << 20)
/// ```
public enum Snappy {
    /// A malformed block, or one that would decode to more than the allowed size.
    public struct Error: Swift.Error, Hashable, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { "snappy: \(message)" }
    }

    /// The decoded length a block announces, without decoding it.
    public static func decodedLength(_ data: [UInt8]) throws -> Int {
        var p = 0
        return try readLength(data, &p)
    }

    private static func readLength(_ data: [UInt8], _ p: inout Int) throws -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard p < data.count else { throw Error(message: "corrupt input: truncated length") }
            let b = data[p]
            p += 1
            guard shift < 35 else { throw Error(message: "corrupt input: length too long") }
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { break }
            shift += 7
        }
        guard result <= UInt64(UInt32.max) else { throw Error(message: "decoded block is too large") }
        return Int(result)
    }

    /// Decodes a block, refusing one whose decoded length exceeds `maxLength`.
    public static func decode(_ data: [UInt8], maxLength: Int = 64 << 20) throws -> [UInt8] {
        var p = 0
        let length = try readLength(data, &p)
        guard length <= maxLength else {
            throw Error(message: "decoded length \(length) exceeds the limit of \(maxLength) bytes")
        }
        var out: [UInt8] = []
        out.reserveCapacity(length)
        while p < data.count {
            let tag = data[p]
            p += 1
            switch tag & 3 {
            case 0:
                var n = Int(tag >> 2)
                if n >= 60 {
                    let extra = n - 59
                    guard p + extra <= data.count else { throw Error(message: "corrupt input: truncated literal length") }
                    n = 0
                    for i in 0..<extra { n |= Int(data[p + i]) << (8 * i) }
                    p += extra
                }
                n += 1
                guard n <= data.count - p else { throw Error(message: "corrupt input: literal past the end") }
                guard out.count + n <= length else { throw Error(message: "corrupt input: output past announced length") }
                out.append(contentsOf: data[p..<(p + n)])
                p += n
            default:
                let len: Int
                let offset: Int
                switch tag & 3 {
                case 1:
                    guard p < data.count else { throw Error(message: "corrupt input: truncated copy") }
                    len = 4 + Int((tag >> 2) & 7)
                    offset = Int(tag >> 5) << 8 | Int(data[p])
                    p += 1
                case 2:
                    guard p + 2 <= data.count else { throw Error(message: "corrupt input: truncated copy") }
                    len = 1 + Int(tag >> 2)
                    offset = Int(data[p]) | Int(data[p + 1]) << 8
                    p += 2
                default:
                    guard p + 4 <= data.count else { throw Error(message: "corrupt input: truncated copy") }
                    len = 1 + Int(tag >> 2)
                    offset = Int(data[p]) | Int(data[p + 1]) << 8 | Int(data[p + 2]) << 16 | Int(data[p + 3]) << 24
                    p += 4
                }
                guard offset > 0, offset <= out.count else { throw Error(message: "corrupt input: bad copy offset") }
                guard out.count + len <= length else { throw Error(message: "corrupt input: output past announced length") }
                let start = out.count - offset
                for i in 0..<len { out.append(out[start + i]) }
            }
        }
        guard out.count == length else { throw Error(message: "corrupt input: decoded \(out.count) of \(length) bytes") }
        return out
    }

    // MARK: - Encoding

    /// Encodes `data` as one block (greedy matching with a hash table of 4-byte sequences).
    public static func encode(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count / 2 + 16)
        var n = UInt64(data.count)
        repeat {
            var b = UInt8(n & 0x7F)
            n >>= 7
            if n != 0 { b |= 0x80 }
            out.append(b)
        } while n != 0
        guard data.count >= 8 else {
            if !data.isEmpty { emitLiteral(&out, data[...]) }
            return out
        }
        var table = [Int](repeating: -1, count: 1 << 14)
        var literalStart = 0
        var i = 0
        while i + 4 <= data.count {
            let word = UInt32(data[i]) | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2]) << 16 | UInt32(data[i + 3]) << 24
            let h = Int((word &* 0x1E35_A7BD) >> 18)
            let candidate = table[h]
            table[h] = i
            if candidate >= 0, i - candidate <= 65535,
               data[candidate] == data[i], data[candidate + 1] == data[i + 1],
               data[candidate + 2] == data[i + 2], data[candidate + 3] == data[i + 3] {
                if literalStart < i { emitLiteral(&out, data[literalStart..<i]) }
                var len = 4
                while i + len < data.count, data[candidate + len] == data[i + len] { len += 1 }
                emitCopy(&out, offset: i - candidate, length: len)
                i += len
                literalStart = i
            } else {
                i += 1
            }
        }
        if literalStart < data.count { emitLiteral(&out, data[literalStart...]) }
        return out
    }

    private static func emitLiteral(_ out: inout [UInt8], _ bytes: ArraySlice<UInt8>) {
        let n = bytes.count - 1
        if n < 60 {
            out.append(UInt8(n << 2))
        } else if n < 1 << 8 {
            out.append(60 << 2); out.append(UInt8(n))
        } else if n < 1 << 16 {
            out.append(61 << 2); out.append(UInt8(n & 0xFF)); out.append(UInt8(n >> 8))
        } else if n < 1 << 24 {
            out.append(62 << 2); out.append(UInt8(n & 0xFF)); out.append(UInt8((n >> 8) & 0xFF)); out.append(UInt8(n >> 16))
        } else {
            out.append(63 << 2)
            for k in 0..<4 { out.append(UInt8((n >> (8 * k)) & 0xFF)) }
        }
        out.append(contentsOf: bytes)
    }

    private static func emitCopy(_ out: inout [UInt8], offset: Int, length: Int) {
        var left = length
        while left > 0 {
            // Copies with a 2-byte offset carry 1...64 bytes; never leave a remainder below 4 for
            // the 1-byte-offset form's sake (we always use the 2-byte form, so any remainder works).
            let n = min(left, 64)
            out.append(UInt8((n - 1) << 2 | 2))
            out.append(UInt8(offset & 0xFF))
            out.append(UInt8(offset >> 8))
            left -= n
        }
    }
}
