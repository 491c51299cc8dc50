/// A DEFLATE (RFC 1951) decoder: stored, fixed-Huffman and dynamic-Huffman blocks.
///
/// Input is untrusted: every read is bounds-checked, invalid code lengths, distances beyond the
/// output and over-long output (`maxOutput`) throw ``InflateError`` instead of trapping.
///
/// ```swift
/// let plain = try Inflate.decompress(deflated, maxOutput: 10 << 20)
/// ```
public struct Inflate {
    private let input: [UInt8]
    private var position = 0
    private var bitBuffer: UInt32 = 0
    private var bitCount = 0
    private var output: [UInt8] = []
    private let maxOutput: Int

    /// Decodes the raw DEFLATE stream `data`, producing at most `maxOutput` bytes.
    /// - Returns: the decoded bytes and how many input bytes the stream used.
    public static func decompressWithLength(_ data: [UInt8], maxOutput: Int) throws -> (bytes: [UInt8], consumed: Int) {
        var inflater = Inflate(input: data, maxOutput: maxOutput)
        try inflater.run()
        return (inflater.output, inflater.position)
    }

    /// Decodes the raw DEFLATE stream `data`, producing at most `maxOutput` bytes.
    public static func decompress(_ data: [UInt8], maxOutput: Int) throws -> [UInt8] {
        try decompressWithLength(data, maxOutput: maxOutput).bytes
    }

    private init(input: [UInt8], maxOutput: Int) {
        self.input = input
        self.maxOutput = max(0, maxOutput)
    }

    // MARK: - Bits

    private mutating func bits(_ n: Int) throws -> Int {
        while bitCount < n {
            guard position < input.count else { throw InflateError("unexpected end of deflate stream") }
            bitBuffer |= UInt32(input[position]) << UInt32(bitCount)
            position += 1
            bitCount += 8
        }
        let value = bitBuffer & ((1 << UInt32(n)) - 1)
        bitBuffer >>= UInt32(n)
        bitCount -= n
        return Int(value)
    }

    // MARK: - Blocks

    private mutating func run() throws {
        var last = false
        while !last {
            last = try bits(1) == 1
            switch try bits(2) {
            case 0: try stored()
            case 1: try codes(Self.fixedLengths, Self.fixedDistances)
            case 2:
                let (lengths, distances) = try dynamicTables()
                try codes(lengths, distances)
            default: throw InflateError("invalid deflate block type 3")
            }
        }
    }

    private mutating func stored() throws {
        bitBuffer = 0
        bitCount = 0
        guard position + 4 <= input.count else { throw InflateError("truncated stored block header") }
        let len = Int(input[position]) | Int(input[position + 1]) << 8
        let nlen = Int(input[position + 2]) | Int(input[position + 3]) << 8
        position += 4
        guard len == (~nlen & 0xFFFF) else { throw InflateError("stored block length check failed") }
        guard position + len <= input.count else { throw InflateError("truncated stored block") }
        guard output.count + len <= maxOutput else { throw InflateError.tooLarge(maxOutput) }
        output.append(contentsOf: input[position..<(position + len)])
        position += len
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                     35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                      3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
                                       257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
                                       8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
                                        7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    private mutating func codes(_ lengths: Huffman, _ distances: Huffman) throws {
        while true {
            let symbol = try decode(lengths)
            if symbol < 256 {
                guard output.count < maxOutput else { throw InflateError.tooLarge(maxOutput) }
                output.append(UInt8(symbol))
            } else if symbol == 256 {
                return
            } else {
                let index = symbol - 257
                guard index < Self.lengthBase.count else { throw InflateError("invalid length symbol \(symbol)") }
                let length = Self.lengthBase[index] + (try bits(Self.lengthExtra[index]))
                let dsym = try decode(distances)
                guard dsym < Self.distanceBase.count else { throw InflateError("invalid distance symbol \(dsym)") }
                let distance = Self.distanceBase[dsym] + (try bits(Self.distanceExtra[dsym]))
                guard distance <= output.count else { throw InflateError("distance \(distance) too far back") }
                guard output.count + length <= maxOutput else { throw InflateError.tooLarge(maxOutput) }
                let start = output.count - distance
                for i in 0..<length { output.append(output[start + i]) }
            }
        }
    }

    private mutating func decode(_ h: Huffman) throws -> Int {
        var code = 0, first = 0, index = 0
        for len in 1...15 {
            code |= try bits(1)
            let count = h.counts[len]
            if code - count < first {
                let at = index + (code - first)
                guard at >= 0, at < h.symbols.count else { throw InflateError("invalid Huffman code") }
                return h.symbols[at]
            }
            index += count
            first += count
            first <<= 1
            code <<= 1
        }
        throw InflateError("invalid Huffman code")
    }

    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private mutating func dynamicTables() throws -> (Huffman, Huffman) {
        let nlen = try bits(5) + 257
        let ndist = try bits(5) + 1
        let ncode = try bits(4) + 4
        guard nlen <= 286, ndist <= 30 else { throw InflateError("too many length or distance codes") }
        var lengths = [Int](repeating: 0, count: 19)
        for i in 0..<ncode { lengths[Self.codeLengthOrder[i]] = try bits(3) }
        let codeLengths = try Huffman(lengths, complete: true)
        var all: [Int] = []
        all.reserveCapacity(nlen + ndist)
        while all.count < nlen + ndist {
            let symbol = try decode(codeLengths)
            switch symbol {
            case 0..<16: all.append(symbol)
            case 16:
                guard let previous = all.last else { throw InflateError("repeat with no previous length") }
                all.append(contentsOf: repeatElement(previous, count: 3 + (try bits(2))))
            case 17: all.append(contentsOf: repeatElement(0, count: 3 + (try bits(3))))
            default: all.append(contentsOf: repeatElement(0, count: 11 + (try bits(7))))
            }
        }
        guard all.count == nlen + ndist else { throw InflateError("too many code lengths") }
        guard all[256] != 0 else { throw InflateError("no end-of-block code") }
        let lit = try Huffman(Array(all[0..<nlen]), complete: nlen > 1)
        let dist = try Huffman(Array(all[nlen...]), complete: false)
        return (lit, dist)
    }

    private static let fixedLengths: Huffman = {
        var l = [Int](repeating: 8, count: 288)
        for i in 144..<256 { l[i] = 9 }
        for i in 256..<280 { l[i] = 7 }
        return (try? Huffman(l, complete: false)) ?? Huffman.empty
    }()

    private static let fixedDistances: Huffman = (try? Huffman([Int](repeating: 5, count: 30), complete: false))
        ?? Huffman.empty
}

/// A canonical Huffman code: counts of codes per length and symbols in code order.
struct Huffman {
    var counts: [Int]
    var symbols: [Int]

    static let empty = Huffman(counts: [Int](repeating: 0, count: 16), symbols: [])

    private init(counts: [Int], symbols: [Int]) {
        self.counts = counts
        self.symbols = symbols
    }

    /// Builds the code from code lengths; an over-subscribed set (or, with `complete`, an
    /// incomplete one) is an error.
    init(_ lengths: [Int], complete: Bool) throws {
        var counts = [Int](repeating: 0, count: 16)
        for l in lengths {
            guard l >= 0, l < 16 else { throw InflateError("invalid code length \(l)") }
            counts[l] += 1
        }
        var left = 1
        for len in 1..<16 {
            left <<= 1
            left -= counts[len]
            guard left >= 0 else { throw InflateError("over-subscribed Huffman code") }
        }
        if complete && left > 0 && counts[0] != lengths.count - 1 {
            throw InflateError("incomplete Huffman code")
        }
        var offsets = [Int](repeating: 0, count: 16)
        for len in 1..<15 { offsets[len + 1] = offsets[len] + counts[len] }
        var symbols = [Int](repeating: 0, count: lengths.count)
        for (symbol, l) in lengths.enumerated() where l != 0 {
            symbols[offsets[l]] = symbol
            offsets[l] += 1
        }
        counts[0] = 0
        self.counts = counts
        self.symbols = symbols
    }
}

/// A malformed or over-long compressed stream.
public struct InflateError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// Whether the decoded data went past the allowed size.
    public var isTooLarge: Bool = false

    public init(_ message: String, isTooLarge: Bool = false) {
        self.message = message
        self.isTooLarge = isTooLarge
    }

    static func tooLarge(_ limit: Int) -> InflateError {
        InflateError("decompressed body exceeds \(limit) bytes", isTooLarge: true)
    }

    public var description: String { message }
}
