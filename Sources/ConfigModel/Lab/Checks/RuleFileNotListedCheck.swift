import Diagnostics

/// A rule file in the lab that no `rule_files` entry of prometheus.yml loads (or prometheus.yml has no
/// `rule_files:` at all): Prometheus never evaluates its rules, so its alerts never fire. The file is
/// still checked (``LabLoader`` loads it), so its syntax errors are found too.
///
/// Triggers: `prometheus/extra_rules.yml` with `groups:` and `rule_files: ['alert_rules.yml']`.
/// Does not trigger: `rule_files: ['*_rules.yml']` matching it.
public struct RuleFileNotListedCheck: LabWiringCheck {
    public static let code = "lab/rule-file-not-listed"
    public static let summary = "a rule file of the lab is not listed in prometheus.yml's rule_files, so it is never loaded"
    public static let isLint = false

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        guard let config = lab.prometheus else { return [] }
        let configDirectory = LabPath.directory(of: config.path)
        return lab.unlistedRuleFiles.map { file in
            let entry = LabPath.relative(file.path, to: configDirectory) ?? LabPath.fileName(of: file.path)
            let why = config.value.ruleFiles.isEmpty
                ? "\(config.path) has no rule_files: key"
                : "no rule_files entry of \(config.path) names it (\(config.value.ruleFiles.map(\.value).joined(separator: ", ")))"
            let message = "rule file \(file.path) is never loaded: \(why); Prometheus does not evaluate its rules. "
                + "Add it: rule_files: ['\(entry)'] (and mount it where prometheus.yml is in the container)"
            let at = firstGroupsLine(file.path) ?? SourceLocation(file: file.path, line: 1, column: 1)
            let note = Diagnostic.Note("rule_files of the Prometheus configuration",
                                       at: config.value.ruleFiles.first?.location
                                           ?? SourceLocation(file: config.path, line: 1, column: 1))
            return .warning(Self.code, message, at: at, notes: [note])
        }
    }

    /// Where the file's `groups:` key is.
    private func firstGroupsLine(_ path: String) -> SourceLocation? {
        guard let text = LabPath.readText(path, maxBytes: 4 << 20) else { return nil }
        var line = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            if raw.hasPrefix("groups:") { return SourceLocation(file: path, line: line, column: 1) }
        }
        return nil
    }
}
