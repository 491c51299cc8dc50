/// Token streams of a submission's (normalised) text, as hashes, for ``Fingerprints``.
///
/// - ``textual(_:)``: words (`[A-Za-z0-9_]+` and non-ASCII letters) and single punctuation
///   characters; what the text says.
/// - ``structural(_:)``: Python source with every identifier that is not a keyword replaced by one
///   token, comments dropped, string literals kept whole (with the identifiers inside f-string
///   braces dropped) and numbers kept; what the code does, so renamed variables still match.
public enum SubmissionTokens {
    /// The textual token stream.
    public static func textual(_ text: String) -> [UInt64] { ShingleSet.tokens(text) }

    /// Python keywords, kept as themselves in the structural stream.
    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    /// The one token every non-keyword identifier becomes.
    static let identifier: UInt64 = hash(Array("⟨identifier⟩".utf8)[...])

    /// The structural token stream of Python `source`.
    public static func structural(_ source: String) -> [UInt64] {
        let bytes = Array(source.utf8)
        var out: [UInt64] = []
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "#") {
                while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            }
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                let (token, end) = string(bytes, at: i, formatted: false)
                out.append(token)
                i = end
                continue
            }
            if isWordStart(byte) {
                var end = i
                while end < bytes.count, isWordStart(bytes[end]) || isDigit(bytes[end]) { end += 1 }
                let word = bytes[i..<end]
                // String prefixes: f'…', rb"…".
                if end < bytes.count, bytes[end] == UInt8(ascii: "'") || bytes[end] == UInt8(ascii: "\""),
                   word.count <= 2, word.allSatisfy({ "rRbBuUfF".utf8.contains($0) }) {
                    let (token, stop) = string(bytes, at: end, formatted: word.contains { $0 == UInt8(ascii: "f") || $0 == UInt8(ascii: "F") })
                    out.append(token)
                    i = stop
                    continue
                }
                let text = String(decoding: word, as: UTF8.self)
                out.append(keywords.contains(text) ? hash(word) : identifier)
                i = end
                continue
            }
            if isDigit(byte) {
                var end = i
                while end < bytes.count, isDigit(bytes[end]) || isWordStart(bytes[end]) || bytes[end] == UInt8(ascii: ".") { end += 1 }
                out.append(hash(bytes[i..<end]))
                i = end
                continue
            }
            if byte > 0x20 { out.append(UInt64(byte)) }
            i += 1
        }
        return out
    }

    /// A string literal starting at the quote `start`: one token of its text (f-string fields
    /// reduced to `{}`) and the index after it. Unterminated strings end at the end of the line
    /// (or of the text, for triple quotes).
    private static func string(_ bytes: [UInt8], at start: Int, formatted: Bool) -> (UInt64, Int) {
        let quote = bytes[start]
        let triple = start + 2 < bytes.count && bytes[start + 1] == quote && bytes[start + 2] == quote
        var i = start + (triple ? 3 : 1)
        var content: [UInt8] = [quote]
        var depth = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\\"), i + 1 < bytes.count {
                if depth == 0 { content += [byte, bytes[i + 1]] }
                i += 2
                continue
            }
            if triple {
                if byte == quote, i + 2 < bytes.count, bytes[i + 1] == quote, bytes[i + 2] == quote { return (hash(content[...]), i + 3) }
            } else if byte == quote {
                return (hash(content[...]), i + 1)
            } else if byte == UInt8(ascii: "\n") {
                return (hash(content[...]), i)
            }
            if formatted, byte == UInt8(ascii: "{") {
                if depth == 0 { content.append(byte) }
                depth += 1
            } else if formatted, byte == UInt8(ascii: "}"), depth > 0 {
                depth -= 1
                if depth == 0 { content.append(byte) }
            } else if depth == 0 {
                content.append(byte)
            }
            i += 1
        }
        return (hash(content[...]), i)
    }

    private static func isWordStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)).multipliedReportingOverflow(by: 0x0000_0100_0000_01B3).partialValue }
        // Keep clear of the single-byte punctuation tokens.
        return hash | (1 << 63)
    }
}
