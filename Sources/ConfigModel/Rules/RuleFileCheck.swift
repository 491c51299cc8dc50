import Diagnostics
import PromModel

/// `check rules` as a library call: load, validate and (optionally) lint rule files.
///
/// ```swift
/// let outcome = RuleFileCheck(lint: true).run(path: "alert_rules.yml")
/// if outcome.hasErrors { … }
/// ```
public struct RuleFileCheck: Sendable {
    /// Whether to run ``RuleLints`` (warnings) after validation.
    public var lint: Bool
    /// The scrape interval of the server running the rules, for interval-aware lints.
    public var scrapeInterval: Duration?

    public init(lint: Bool = true, scrapeInterval: Duration? = nil) {
        self.lint = lint
        self.scrapeInterval = scrapeInterval
    }

    /// Checks the file at `path` (`-` for standard input).
    public func run(path: String) -> CheckOutcome {
        finish(RuleFile.load(path: path), file: path == "-" ? "<stdin>" : path)
    }

    /// Checks rule file text.
    public func run(text: String, file: String) -> CheckOutcome {
        finish(RuleFile.parse(text, file: file), file: file)
    }

    private func finish(_ result: ConfigLoadResult<RuleFile>, file: String) -> CheckOutcome {
        var diagnostics = result.diagnostics
        if lint, let value = result.value {
            diagnostics += RuleLints.suite.run(RuleLintInput(file: value, scrapeInterval: scrapeInterval))
        }
        return CheckOutcome(files: [file], diagnostics: diagnostics, ruleCount: result.value?.groups.reduce(0) { $0 + $1.rules.count } ?? 0)
    }
}

/// What a check found: the files it looked at and every diagnostic.
public struct CheckOutcome: Sendable {
    /// Files checked, in order (for a config: the config, then its rule files).
    public var files: [String]
    public var diagnostics: [Diagnostic]
    /// Rules found in the rule files checked.
    public var ruleCount: Int

    public init(files: [String] = [], diagnostics: [Diagnostic] = [], ruleCount: Int = 0) {
        self.files = files
        self.diagnostics = diagnostics
        self.ruleCount = ruleCount
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Adds another outcome's files and findings.
    public mutating func merge(_ other: CheckOutcome) {
        files += other.files
        diagnostics += other.diagnostics
        ruleCount += other.ruleCount
    }
}
