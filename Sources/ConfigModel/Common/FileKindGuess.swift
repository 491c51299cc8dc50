import Diagnostics
import YAML

/// Which lab file a YAML (or JSON) text looks like, from its top-level keys.
///
/// A check run on the wrong kind of file (`check config alertmanager.yml`, `check rules
/// prometheus.yml`, `check rules` on a rule unit-test file) would report every top-level key as
/// unknown; the check commands ask ``mismatch(text:file:expected:)`` first and print one error that
/// names the right command instead.
public enum FileKindGuess: String, CaseIterable, Sendable {
    case prometheusConfig
    case rules
    case ruleTests
    case alertmanager
    case compose
    case grafanaProvisioning
    case dashboard
    case promqlAnswers

    /// The code of the "wrong kind of file" error.
    public static let code = "check/wrong-file-kind"

    /// Top-level keys only this kind of file has (`global` is shared by Prometheus and
    /// Alertmanager, so it tells nothing).
    public var signatureKeys: Set<String> {
        switch self {
        case .prometheusConfig: return PrometheusConfig.distinctiveTopLevelKeys
        case .rules: return RuleFile.distinctiveTopLevelKeys
        // The rule unit-test format is modelled in Runtime (`RuleTestFile`), above this module.
        case .ruleTests: return ["tests", "evaluation_interval", "group_eval_order", "fuzzy_compare"]
        case .alertmanager: return AlertmanagerConfig.distinctiveTopLevelKeys
        case .compose: return ComposeFile.distinctiveTopLevelKeys
        case .grafanaProvisioning: return GrafanaProvisioning.distinctiveTopLevelKeys
        case .dashboard: return GrafanaDashboard.distinctiveTopLevelKeys
        case .promqlAnswers: return PromQLAnswerFile.distinctiveTopLevelKeys
        }
    }

    /// What the file is, for messages ("an Alertmanager configuration").
    public var title: String {
        switch self {
        case .prometheusConfig: return "a Prometheus configuration"
        case .rules: return "a Prometheus rule file"
        case .ruleTests: return "a rule unit-test file"
        case .alertmanager: return "an Alertmanager configuration"
        case .compose: return "a docker-compose file"
        case .grafanaProvisioning: return "a Grafana provisioning file"
        case .dashboard: return "a Grafana dashboard"
        case .promqlAnswers: return "a PromQL answers file"
        }
    }

    /// The command that handles this kind of file.
    public var command: String {
        switch self {
        case .prometheusConfig: return "labctl check config"
        case .rules: return "labctl check rules"
        case .ruleTests: return "labctl test rules"
        case .alertmanager: return "labctl check alertmanager"
        case .compose: return "labctl check compose"
        case .grafanaProvisioning: return "labctl check datasources"
        case .dashboard: return "labctl check dashboard"
        case .promqlAnswers: return "labctl check lab"
        }
    }

    // MARK: - Guessing

    /// The kind whose signature keys `keys` contain most, or `nil` when none or a tie.
    public static func guess(keys: [String]) -> FileKindGuess? {
        let present = Set(keys)
        let scored = allCases.map { ($0, $0.signatureKeys.intersection(present).count) }.filter { $0.1 > 0 }
        guard let best = scored.max(by: { $0.1 < $1.1 }) else { return nil }
        return scored.filter { $0.1 == best.1 }.count == 1 ? best.0 : nil
    }

    /// The top-level keys of the first document with their nodes, or `nil` when the text does not
    /// parse or is not a mapping.
    public static func topLevelKeys(_ text: String, file: String) -> [(name: String, node: YAMLNode)]? {
        let result = YAMLParser().parseCollectingDiagnostics(YAMLInput(name: file, text: text))
        guard !result.hasErrors, let pairs = result.documents.first?.root.mapping else { return nil }
        return pairs.compactMap { pair in pair.key.scalarValue.map { ($0, pair.key) } }
    }

    /// One error when `text` is plainly another kind of file than `expected` (none of `expected`'s
    /// signature keys, some of another kind's), else `nil`.
    public static func mismatch(text: String, file: String, expected: FileKindGuess) -> Diagnostic? {
        guard let keys = topLevelKeys(text, file: file) else { return nil }
        let names = keys.map(\.name)
        guard expected.signatureKeys.isDisjoint(with: names),
              let guessed = guess(keys: names), guessed != expected else { return nil }
        let telling = keys.filter { guessed.signatureKeys.contains($0.name) }
        let verb = guessed == .ruleTests ? "run it with" : "check it with"
        let shown = file == "<stdin>" ? "-" : file
        let advice = guessed == .promqlAnswers
            ? "check it with `labctl check lab DIR` on the lab's folder (it checks every query); `labctl grade LAB DIR` grades them"
            : "\(verb) `\(guessed.command) \(shown)`"
        return .error(code, "this looks like \(guessed.title) (top-level keys "
                      + "\(telling.map(\.name).joined(separator: ", "))), not \(expected.title); "
                      + advice,
                      at: telling.first?.node.location ?? SourceLocation(file: file, line: 1, column: 1))
    }
}
