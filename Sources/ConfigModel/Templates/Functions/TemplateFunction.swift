/// A function callable from templates (`humanize`, `printf`, …): its name, how many arguments it
/// takes and its implementation over template values.
public struct TemplateFunction: Sendable {
    /// Functions the executor evaluates itself because their arguments are evaluated lazily.
    enum Special: Sendable {
        case none, and, or
    }

    public let name: String
    /// Fewest arguments.
    public let minArguments: Int
    /// Most arguments, or nil for variadic functions.
    public let maxArguments: Int?
    let special: Special
    let body: @Sendable ([TemplateValue]) throws -> TemplateValue

    /// A function taking between `minArguments` and `maxArguments` (nil: any number) arguments.
    /// Errors thrown by `body` are reported as `error calling name: message`.
    public init(_ name: String, arguments: Int, _ body: @escaping @Sendable ([TemplateValue]) throws -> TemplateValue) {
        self.init(name, minArguments: arguments, maxArguments: arguments, body)
    }

    /// A function with a range of argument counts.
    public init(_ name: String, minArguments: Int, maxArguments: Int?,
                _ body: @escaping @Sendable ([TemplateValue]) throws -> TemplateValue) {
        self.name = name
        self.minArguments = minArguments
        self.maxArguments = maxArguments
        self.special = .none
        self.body = body
    }

    init(special: Special, name: String) {
        self.name = name
        self.minArguments = 1
        self.maxArguments = nil
        self.special = special
        self.body = { $0.last ?? .null }
    }
}

/// A set of template functions by name. Parsing rejects calls to names not in the set, as Go does.
public struct FunctionSet: Sendable {
    public private(set) var functions: [String: TemplateFunction]

    public init(_ functions: [TemplateFunction] = []) {
        self.functions = Dictionary(functions.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// Adds or replaces functions.
    public mutating func add(_ more: [TemplateFunction]) {
        for f in more { functions[f.name] = f }
    }

    /// This set with `more` added (replacing same-named functions).
    public func adding(_ more: [TemplateFunction]) -> FunctionSet {
        var copy = self
        copy.add(more)
        return copy
    }

    /// This set with all functions of `other` added.
    public func merging(_ other: FunctionSet) -> FunctionSet {
        adding(Array(other.functions.values))
    }

    public subscript(name: String) -> TemplateFunction? { functions[name] }

    var names: Set<String> { Set(functions.keys) }
}
