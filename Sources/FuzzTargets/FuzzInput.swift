/// Helpers shared by the fuzz targets to cut one input into the pieces a target needs.
enum FuzzInput {
    /// The bytes as text; invalid UTF-8 becomes U+FFFD, as when labctl reads a file.
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The first byte (a selector for variants of one target) and the rest, or nil when empty.
    static func split(_ bytes: [UInt8]) -> (selector: UInt8, rest: [UInt8])? {
        guard let first = bytes.first else { return nil }
        return (first, Array(bytes.dropFirst()))
    }

    /// The input cut at the first NUL byte: the text before it and the text after it.
    static func pair(_ bytes: [UInt8]) -> (String, String) {
        guard let nul = bytes.firstIndex(of: 0) else { return (text(bytes), "") }
        return (text(Array(bytes[..<nul])), text(Array(bytes[(nul + 1)...])))
    }
}
