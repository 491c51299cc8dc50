/// An error found while parsing or compiling a regular expression.
///
/// Messages mirror Go's `regexp/syntax` error codes so that users of Prometheus see familiar
/// text, e.g. ``error parsing regexp: missing closing ): `(abc` ``.
public struct RegexSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The error code text, e.g. `missing closing )`.
    public var message: String
    /// The offset (in Unicode scalars) inside the pattern where the offending fragment starts.
    public var offset: Int
    /// The offending fragment of the pattern (may be empty).
    public var fragment: String

    /// Creates an error with a message, the offset of the problem and the offending fragment.
    public init(message: String, offset: Int, fragment: String = "") {
        self.message = message
        self.offset = offset
        self.fragment = fragment
    }

    /// `error parsing regexp: <message>: `<fragment>`` as printed by Go.
    public var description: String { "error parsing regexp: \(message): `\(fragment)`" }
}

// MARK: - Error codes

extension RegexSyntaxError {
    /// The error codes of Go's `regexp/syntax`, as their message texts.
    enum Code: String {
        case invalidCharClass = "invalid character class"
        case invalidCharRange = "invalid character class range"
        case invalidEscape = "invalid escape sequence"
        case invalidNamedCapture = "invalid named capture"
        case invalidPerlOp = "invalid or unsupported Perl syntax"
        case invalidRepeatOp = "invalid nested repetition operator"
        case invalidRepeatSize = "invalid repeat count"
        case missingBracket = "missing closing ]"
        case missingParen = "missing closing )"
        case missingRepeatArgument = "missing argument to repetition operator"
        case trailingBackslash = "trailing backslash at end of expression"
        case unexpectedParen = "unexpected )"
        case nestingDepth = "expression nests too deeply"
        case tooLarge = "expression too large"
    }

    init(_ code: Code, offset: Int, fragment: String = "") {
        self.init(message: code.rawValue, offset: offset, fragment: fragment)
    }
}
