/// What a check produced: the inputs it looked at and the diagnostics it found, ready to render.
///
/// Diagnostics are ordered by file (in the order the inputs were given, then other files by name),
/// then by line and column; diagnostics without a location come first. The order is stable, so
/// rendering the same report twice gives byte-identical output.
public struct DiagnosticReport: Sendable, Hashable {
    /// The inputs that were checked, in the order given (including inputs without findings).
    public let files: [String]
    /// The diagnostics, in report order.
    public let diagnostics: [Diagnostic]

    public init(files: [String] = [], diagnostics: [Diagnostic]) {
        var seen = Set<String>()
        self.files = files.filter { seen.insert($0).inserted }
        var rank: [String: Int] = [:]
        for (i, f) in self.files.enumerated() { rank[f] = i }
        let unranked = self.files.count
        self.diagnostics = diagnostics.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            switch (la, lb) {
            case (nil, nil): return a.offset < b.offset
            case (nil, _?): return true
            case (_?, nil): return false
            case let (x?, y?):
                let rx = rank[x.file] ?? unranked, ry = rank[y.file] ?? unranked
                if rx != ry { return rx < ry }
                if x != y { return x < y }
                return a.offset < b.offset
            }
        }.map(\.element)
    }

    public init(files: [String] = [], bag: DiagnosticBag) {
        self.init(files: files, diagnostics: bag.diagnostics)
    }

    // MARK: - Counts

    public var errorCount: Int { count(.error) }
    public var warningCount: Int { count(.warning) }
    public var infoCount: Int { count(.info) }

    /// How many diagnostics have exactly `severity`.
    public func count(_ severity: Severity) -> Int {
        diagnostics.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }

    /// Every file named by the report: the checked inputs first, then files only diagnostics mention.
    public var allFiles: [String] {
        var seen = Set(files)
        var out = files
        for d in diagnostics {
            if let f = d.location?.file, seen.insert(f).inserted { out.append(f) }
        }
        return out
    }

    /// The diagnostics located in `file`.
    public func diagnostics(in file: String) -> [Diagnostic] {
        diagnostics.filter { $0.location?.file == file }
    }

    /// The diagnostics without a location.
    public var unlocatedDiagnostics: [Diagnostic] {
        diagnostics.filter { $0.location == nil }
    }
}
