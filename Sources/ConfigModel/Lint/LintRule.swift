import Diagnostics

/// A lint: one small type that catches one kind of smell in one kind of artifact, with a stable code.
///
/// Lints only warn (validation errors are not lints). Each conforming type documents, in its doc comment,
/// what it catches with an example that triggers it and one that does not; `labctl check lints`
/// prints the catalogue generated from these types (`LintCatalog`).
public protocol LintRule<Subject>: Sendable {
    /// What the lint inspects: a rule file, a dashboard, a Prometheus config, …
    associatedtype Subject

    /// Stable identifier, `area/what` in kebab case (for example `rules/rate-on-gauge`).
    static var code: String { get }
    /// One line describing what the lint catches.
    static var summary: String { get }

    init()

    /// The findings for `subject`, as warnings located at the offending node.
    func check(_ subject: Subject) -> [Diagnostic]
}

/// An entry of the lint catalogue, for listings and documentation.
public struct LintDescription: Hashable, Sendable {
    public var code: String
    public var summary: String

    public init(code: String, summary: String) {
        self.code = code
        self.summary = summary
    }

    /// Describes a lint type.
    public init<L: LintRule>(_ type: L.Type) {
        self.init(code: L.code, summary: L.summary)
    }
}

/// Runs a list of lints of one subject type.
public struct LintSuite<Subject>: Sendable {
    private let runners: [@Sendable (Subject) -> [Diagnostic]]
    /// The lints in the suite, in order.
    public let descriptions: [LintDescription]

    /// A suite of the given lint types, all inspecting `Subject`.
    public init(_ lints: [any LintRule<Subject>.Type]) {
        runners = lints.map { lint in { subject in lint.init().check(subject) } }
        descriptions = lints.map { LintDescription(code: $0.code, summary: $0.summary) }
    }

    /// All findings of all lints, in suite order.
    public func run(_ subject: Subject) -> [Diagnostic] {
        runners.flatMap { $0(subject) }
    }
}
