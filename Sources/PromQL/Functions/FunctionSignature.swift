/// The signature of a PromQL function, used for type checking calls.
///
/// `variadic` follows Prometheus: 0 = exactly `argTypes.count` arguments; N > 0 = the last argument type is
/// optional and may repeat up to N times; -1 = the last argument type is optional and unbounded.
public struct FunctionSignature: Hashable, Sendable {
    public var name: String
    public var argTypes: [ValueType]
    public var variadic: Int
    public var returnType: ValueType
    /// Needs `ParserOptions.enableExperimentalFunctions`.
    public var isExperimental: Bool

    public init(_ name: String, _ argTypes: [ValueType], _ returnType: ValueType, variadic: Int = 0,
                experimental: Bool = false) {
        self.name = name
        self.argTypes = argTypes
        self.variadic = variadic
        self.returnType = returnType
        self.isExperimental = experimental
    }

    /// The fewest arguments accepted.
    public var minArgs: Int { variadic == 0 ? argTypes.count : argTypes.count - 1 }

    /// The most arguments accepted; `nil` when unbounded.
    public var maxArgs: Int? {
        if variadic == 0 { return argTypes.count }
        if variadic < 0 { return nil }
        return argTypes.count - 1 + variadic
    }

    /// The expected type of argument `index`, or `nil` past the end for fixed-arity functions.
    public func argType(at index: Int) -> ValueType? {
        if index < argTypes.count { return argTypes[index] }
        return variadic == 0 ? nil : argTypes.last
    }
}
