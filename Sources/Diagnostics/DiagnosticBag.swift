/// Diagnostics collected while checking inputs, kept in the order they were found
/// and grouped by file for reporting.
public struct DiagnosticBag: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    /// A bag holding `diagnostics` (in that order).
    public init(_ diagnostics: [Diagnostic] = []) {
        self.diagnostics = diagnostics
    }

    /// Adds one diagnostic after those already collected.
    public mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Adds diagnostics in their order, after those already collected.
    public mutating func append(contentsOf other: some Sequence<Diagnostic>) {
        diagnostics.append(contentsOf: other)
    }

    public var isEmpty: Bool { diagnostics.isEmpty }
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Diagnostics sorted by file, then line and column; diagnostics without a location
    /// come first within their file. The sort is stable.
    public var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            switch (la, lb) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// The files named by the diagnostics, in first-seen order.
    public var files: [String] {
        var seen = Set<String>()
        var out: [String] = []
        for d in diagnostics {
            if let f = d.location?.file, seen.insert(f).inserted { out.append(f) }
        }
        return out
    }
}
