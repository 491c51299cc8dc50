/// The outcome of one eval command (or of a load that the storage rejected).
public struct PromQLTestCaseResult: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable {
        case passed, failed, skipped
    }

    /// The line of the `eval` (or `load`) command.
    public var line: Int
    /// The command line as written back (`eval instant at 5m rate(x[1m])`).
    public var header: String
    /// The expression (empty for loads).
    public var exprText: String
    public var status: Status
    /// Why it failed or was skipped; for failures of the extra checks, which check.
    public var reason: String?
    /// The expected result, one entry per line.
    public var expected: [String]
    /// The result the engine gave (or its error), one entry per line.
    public var actual: [String]

    public init(line: Int, header: String, exprText: String, status: Status, reason: String? = nil,
                expected: [String] = [], actual: [String] = []) {
        self.line = line
        self.header = header
        self.exprText = exprText
        self.status = status
        self.reason = reason
        self.expected = expected
        self.actual = actual
    }
}

/// The outcomes of one script.
public struct PromQLTestFileReport: Hashable, Sendable {
    public var file: String
    public var cases: [PromQLTestCaseResult]

    public init(file: String, cases: [PromQLTestCaseResult]) {
        self.file = file
        self.cases = cases
    }

    public var passed: Int { cases.count { $0.status == .passed } }
    public var failed: Int { cases.count { $0.status == .failed } }
    public var skipped: Int { cases.count { $0.status == .skipped } }

    /// `file: N passed, M failed, K skipped`.
    public var summaryLine: String { "\(file): \(passed) passed, \(failed) failed, \(skipped) skipped" }
}
