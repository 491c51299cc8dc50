import Diagnostics

/// The lints for alertmanager.yml, in the order they run.
public enum AlertmanagerLints {
    public static let suite = LintSuite<AlertmanagerConfig>([
        UnusedReceiverLint.self,
        GroupByWithoutAlertnameLint.self,
        RepeatIntervalBelowGroupIntervalLint.self,
        DeprecatedMatchLint.self,
    ])
}

extension AlertmanagerConfig {
    /// Loads, validates and (when `lint`) lints alertmanager.yml text: what `labctl check alertmanager` prints.
    public static func check(text: String, file: String, lint: Bool = true) -> [Diagnostic] {
        let (config, diagnostics) = load(text: text, file: file).parts
        guard lint, let config else { return diagnostics }
        return diagnostics + AlertmanagerLints.suite.run(config)
    }
}
