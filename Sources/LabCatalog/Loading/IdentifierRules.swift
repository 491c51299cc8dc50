/// The shape of ids and names in lab specs: `[a-z][a-z0-9_]*`.
enum IdentifierRules {
    /// Why `name` is not a lower-case identifier, or `nil`.
    static func problem(with name: String) -> String? {
        ParameterFormat.identifier.problem(with: name)
    }
}
