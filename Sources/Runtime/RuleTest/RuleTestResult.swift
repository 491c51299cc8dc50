/// The outcome of one test file.
public struct RuleTestFileResult: Sendable {
    /// The test file's path.
    public var file: String
    /// Problems that stopped the whole file (unreadable file, YAML errors, repeated group names in
    /// `group_eval_order`), in promtool's words where it has some.
    public var fileErrors: [String] = []
    /// Warnings that do not fail the file (rule file patterns that match nothing).
    public var warnings: [String] = []
    public var groups: [RuleTestGroupResult] = []

    public init(file: String) {
        self.file = file
    }

    /// Whether every test group that ran passed and the file had no errors.
    public var passed: Bool { fileErrors.isEmpty && groups.allSatisfy(\.passed) }

    /// The number of failed test groups.
    public var failedGroups: Int { groups.filter { !$0.skipped && !$0.passed }.count }

    /// Every failure message, file errors first, in promtool's order.
    public var failures: [String] { fileErrors + groups.flatMap(\.failures) }
}

/// The outcome of one test group (an entry of `tests`).
public struct RuleTestGroupResult: Sendable {
    /// 0-based position in `tests`.
    public var index: Int
    /// `name` (may be empty).
    public var name: String
    /// Filtered out by `--run`.
    public var skipped = false
    /// promtool-style failure messages (empty when the group passed).
    public var failures: [String] = []
    /// Assertions checked (alert and expression tests).
    public var checks = 0

    public init(index: Int, name: String) {
        self.index = index
        self.name = name
    }

    public var passed: Bool { failures.isEmpty }

    /// The name shown in reports: `name`, or `#<n>` (1-based) when unnamed.
    public var displayName: String { name.isEmpty ? "#\(index + 1)" : name }
}
