import Diagnostics
import Foundation

/// The lints for compose files, in the order they run.
public enum ComposeLints {
    public static let suite = LintSuite<ComposeFile>([
        LatestImageTagLint.self,
        MissingRestartPolicyLint.self,
    ])
}

extension ComposeFile {
    /// Loads, validates and (when `lint`) lints compose text: what `labctl check compose` prints.
    public static func check(text: String, file: String, baseDirectory: String? = nil,
                             lint: Bool = true) -> [Diagnostic] {
        let (compose, diagnostics) = load(text: text, file: file, baseDirectory: baseDirectory).parts
        guard lint, let compose else { return diagnostics }
        return diagnostics + ComposeLints.suite.run(compose)
    }
}
