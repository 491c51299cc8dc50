/// One roster student to grade: the id (the name of their submission folder), their name and the
/// lab parameter values of their variant (prefix, domain, entity …).
public struct ClassStudent: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var values: [String: String]

    public init(id: String, name: String? = nil, values: [String: String]) {
        self.id = id
        self.name = name
        self.values = values
    }
}
