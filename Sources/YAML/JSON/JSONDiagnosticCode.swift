/// Stable diagnostic codes produced by ``JSONParser``.
public enum JSONDiagnosticCode {
    /// Malformed JSON: unexpected character, trailing comma, bad escape or number, trailing content.
    public static let syntax = "json/syntax"
    /// Bytes that are not valid UTF-8.
    public static let invalidUTF8 = "json/invalid-utf8"
    /// A key appearing twice in one object.
    public static let duplicateKey = "json/duplicate-key"
    /// Nesting deeper than ``YAMLLimits/maxDepth``.
    public static let depthLimit = "json/depth-limit"
    /// Input larger than ``YAMLLimits/maxBytes`` or more values than ``YAMLLimits/maxNodes``.
    public static let tooLarge = "json/too-large"
}
