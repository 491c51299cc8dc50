/// Stable diagnostic codes produced by the YAML module.
public enum YAMLDiagnosticCode {
    /// Malformed YAML (libyaml scanner/parser error) or malformed JSON.
    public static let syntax = "yaml/syntax"
    /// Bytes that are not valid UTF-8.
    public static let invalidUTF8 = "yaml/invalid-utf8"
    /// A character YAML does not allow (control characters, for instance).
    public static let invalidCharacter = "yaml/invalid-character"
    /// A key appearing twice in one mapping.
    public static let duplicateKey = "yaml/duplicate-key"
    /// Aliases expanding to more nodes than ``YAMLLimits/maxAliasExpansion``.
    public static let aliasLimit = "yaml/alias-limit"
    /// An alias to an anchor that was never defined.
    public static let unknownAlias = "yaml/unknown-alias"
    /// Nesting deeper than ``YAMLLimits/maxDepth``.
    public static let depthLimit = "yaml/depth-limit"
    /// Input larger than ``YAMLLimits/maxBytes`` or more nodes than ``YAMLLimits/maxNodes``.
    public static let tooLarge = "yaml/too-large"
    /// A merge key (`<<`) whose value is not a mapping or a sequence of mappings.
    public static let invalidMerge = "yaml/invalid-merge"
    /// The file could not be read.
    public static let io = "yaml/io"
    /// A key that the decoder does not know.
    public static let unknownKey = "yaml/unknown-key"
    /// A required key that is absent.
    public static let missingKey = "yaml/missing-key"
    /// A node of the wrong shape or type ("expected a mapping, got a sequence").
    public static let wrongType = "yaml/wrong-type"
    /// A scalar of the right type whose value is not acceptable (out of range, bad duration…).
    public static let invalidValue = "yaml/invalid-value"
}
