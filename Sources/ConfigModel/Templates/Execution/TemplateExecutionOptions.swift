/// How execution treats missing map keys and how far it may go before it stops with an error.
public struct TemplateExecutionOptions: Sendable {
    /// Go's `missingkey` option.
    public enum MissingKey: Sendable {
        /// `missingkey=default`: a missing key is "no value" (`<no value>` when printed).
        case invalid
        /// `missingkey=zero`: the zero value of the map's element type (`""` for label maps).
        case zero
        /// `missingkey=error`: execution stops with `map has no entry for key "x"`.
        case error
    }

    public var missingKey: MissingKey
    /// Largest output, in UTF-8 bytes.
    public var maxOutputBytes: Int
    /// Most nodes and commands evaluated (guards against loops over huge ranges).
    public var maxSteps: Int
    /// Deepest nesting of `{{template}}` calls (guards against recursive definitions).
    public var maxCallDepth: Int

    public init(missingKey: MissingKey = .invalid, maxOutputBytes: Int = 1 << 20, maxSteps: Int = 1_000_000,
                maxCallDepth: Int = 100) {
        self.missingKey = missingKey
        self.maxOutputBytes = maxOutputBytes
        self.maxSteps = maxSteps
        self.maxCallDepth = maxCallDepth
    }
}
