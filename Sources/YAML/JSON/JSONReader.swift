import Diagnostics

/// Recursive-descent JSON reader over a byte buffer, tracking line and column as it goes.
///
/// Columns count Unicode scalars: non-ASCII bytes only occur inside strings (the input is validated
/// as UTF-8 first), where continuation bytes are counted and subtracted.
struct JSONReader {
    /// Thrown internally to unwind after a fatal error has been recorded.
    struct Stop: Error {}

    let source: UnsafeBufferPointer<UInt8>
    let file: String
    let limits: YAMLLimits
    var diagnostics: [Diagnostic] = []
    var i = 0
    var line: Int32 = 1
    var lineStart = 0
    /// UTF-8 continuation bytes seen since `lineStart`.
    var continuationBytes = 0
    var nodeCount = 0

    init(source: UnsafeBufferPointer<UInt8>, file: String, limits: YAMLLimits) {
        self.source = source
        self.file = file
        self.limits = limits
    }

    // MARK: - Document

    /// The single top-level value, or `nil` after a fatal error.
    mutating func document() -> YAMLNode? {
        if let bad = UTF8Scanner.firstInvalidOffset(source) {
            diagnostics.append(.error(JSONDiagnosticCode.invalidUTF8, "invalid UTF-8: the file must be UTF-8 text",
                                      at: UTF8Scanner.location(ofByteOffset: bad, in: source, file: file)))
            return nil
        }
        if source.count >= 3, source[0] == 0xEF, source[1] == 0xBB, source[2] == 0xBF {
            i = 3
            lineStart = 3
        }
        do {
            skipWhitespace()
            guard i < source.count else {
                fail("empty JSON input")
                throw Stop()
            }
            let root = try value(depth: 0)
            skipWhitespace()
            if i < source.count {
                fail("unexpected \(describeCurrent()) after the JSON value")
                throw Stop()
            }
            return root
        } catch {
            return nil
        }
    }

    // MARK: - Values

    mutating func value(depth: Int) throws -> YAMLNode {
        nodeCount += 1
        guard nodeCount <= limits.maxNodes else {
            fail("more than \(limits.maxNodes) values", code: JSONDiagnosticCode.tooLarge)
            throw Stop()
        }
        guard i < source.count else {
            fail("unexpected end of input, expected a value")
            throw Stop()
        }
        switch source[i] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""):
            let start = position
            let text = try string()
            return node(.scalar(YAMLScalar(text, style: .doubleQuoted)), from: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try number()
        case UInt8(ascii: "t"): return try literal("true")
        case UInt8(ascii: "f"): return try literal("false")
        case UInt8(ascii: "n"): return try literal("null")
        default:
            fail("unexpected \(describeCurrent()), expected a value")
            throw Stop()
        }
    }

    private mutating func object(depth: Int) throws -> YAMLNode {
        let start = position
        try checkDepth(depth)
        i += 1
        var pairs: [YAMLNode.Pair] = []
        var index: [String: Int]?
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            i += 1
            return node(.mapping(pairs), from: start)
        }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else {
                fail(peek(UInt8(ascii: "}")) ? "trailing comma before '}'" : "unexpected \(describeCurrent()), expected a string key")
                throw Stop()
            }
            let keyStart = position
            let keyText = try string()
            let key = node(.scalar(YAMLScalar(keyText, style: .doubleQuoted)), from: keyStart)
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "':' after the key")
            skipWhitespace()
            let value = try value(depth: depth)
            checkDuplicate(keyText, key: key, pairs: pairs, index: &index)
            pairs.append(YAMLNode.Pair(key: key, value: value))
            if index != nil, index?[keyText] == nil { index?[keyText] = pairs.count - 1 }
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                i += 1
                continue
            }
            try expect(UInt8(ascii: "}"), "',' or '}'")
            return node(.mapping(pairs), from: start)
        }
    }

    private mutating func array(depth: Int) throws -> YAMLNode {
        let start = position
        try checkDepth(depth)
        i += 1
        var items: [YAMLNode] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            i += 1
            return node(.sequence(items), from: start)
        }
        while true {
            skipWhitespace()
            if peek(UInt8(ascii: "]")) {
                fail("trailing comma before ']'")
                throw Stop()
            }
            items.append(try value(depth: depth))
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                i += 1
                continue
            }
            try expect(UInt8(ascii: "]"), "',' or ']'")
            return node(.sequence(items), from: start)
        }
    }

    private mutating func checkDuplicate(_ text: String, key: YAMLNode, pairs: [YAMLNode.Pair],
                                         index: inout [String: Int]?) {
        var first: Int?
        if let index {
            first = index[text]
        } else {
            first = pairs.firstIndex { $0.key.scalarValue == text }
            if pairs.count >= 8 {
                var built: [String: Int] = [:]
                for (n, pair) in pairs.enumerated() {
                    if let t = pair.key.scalarValue, built[t] == nil { built[t] = n }
                }
                index = built
            }
        }
        guard let first, pairs.indices.contains(first) else { return }
        diagnostics.append(.error(JSONDiagnosticCode.duplicateKey, "duplicate key \"\(text)\" in object",
                                  at: key.location,
                                  notes: [Diagnostic.Note("first defined here", at: pairs[first].key.location)]))
    }

    private mutating func number() throws -> YAMLNode {
        let start = position
        let begin = i
        if peek(UInt8(ascii: "-")) { i += 1 }
        if peek(UInt8(ascii: "0")) {
            i += 1
        } else if digitsFollow() {
            while digitsFollow() { i += 1 }
        } else {
            fail("invalid number: expected a digit")
            throw Stop()
        }
        if peek(UInt8(ascii: ".")) {
            i += 1
            guard digitsFollow() else {
                fail("invalid number: expected a digit after '.'")
                throw Stop()
            }
            while digitsFollow() { i += 1 }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            i += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { i += 1 }
            guard digitsFollow() else {
                fail("invalid number: expected a digit in the exponent")
                throw Stop()
            }
            while digitsFollow() { i += 1 }
        }
        if digitsFollow() {
            fail("invalid number: leading zeros are not allowed")
            throw Stop()
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: source[begin..<i]), as: UTF8.self)
        return node(.scalar(YAMLScalar(text)), from: start)
    }

    private mutating func literal(_ word: StaticString) throws -> YAMLNode {
        let start = position
        let n = word.utf8CodeUnitCount
        let p = word.utf8Start
        guard i + n <= source.count, (0..<n).allSatisfy({ source[i + $0] == p[$0] }) else {
            fail("unexpected \(describeCurrent()), expected a value")
            throw Stop()
        }
        i += n
        return node(.scalar(YAMLScalar(String(describing: word))), from: start)
    }
}
