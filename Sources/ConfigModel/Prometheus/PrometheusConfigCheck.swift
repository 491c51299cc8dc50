import Diagnostics
import Foundation

/// `check config` as a library call: load and validate a `prometheus.yml`, follow the files it names
/// (relative to its directory, as promtool does) and check every rule file it matches.
public struct PrometheusConfigCheck: Sendable {
    /// Whether to run the config and rule lints.
    public var lint: Bool
    /// Only check syntax: do not touch referenced files (rule files, TLS files, file_sd).
    public var syntaxOnly: Bool

    public init(lint: Bool = true, syntaxOnly: Bool = false) {
        self.lint = lint
        self.syntaxOnly = syntaxOnly
    }

    /// Checks the config at `path`.
    public func run(path: String) -> CheckOutcome {
        let name = path == "-" ? "<stdin>" : path
        return finish(PrometheusConfig.load(path: path), file: name,
                      directory: path == "-" ? FileManager.default.currentDirectoryPath
                                             : (path as NSString).deletingLastPathComponent)
    }

    /// Checks config text; `directory` is where relative file references are resolved.
    public func run(text: String, file: String, directory: String) -> CheckOutcome {
        finish(PrometheusConfig.parse(text, file: file), file: file, directory: directory)
    }

    private func finish(_ result: ConfigLoadResult<PrometheusConfig>, file: String, directory: String) -> CheckOutcome {
        var outcome = CheckOutcome(files: [file], diagnostics: result.diagnostics)
        guard let config = result.value else { return outcome }
        let referenced = config.checkReferencedFiles(baseDirectory: directory, syntaxOnly: syntaxOnly)
        outcome.diagnostics += referenced.diagnostics
        if lint { outcome.diagnostics += PrometheusConfigLints.suite.run(config) }
        let rules = RuleFileCheck(lint: lint, scrapeInterval: config.global.scrapeInterval)
        for path in referenced.ruleFiles {
            outcome.merge(rules.run(path: path))
        }
        return outcome
    }
}
