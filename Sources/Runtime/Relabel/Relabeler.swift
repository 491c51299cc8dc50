import ConfigModel
import PromModel
import RE2

/// Applies a list of relabelling steps (`relabel_configs`, `metric_relabel_configs`,
/// `alert_relabel_configs`) to label sets, with Prometheus's semantics:
///
/// - the source labels' values are joined with `separator` (an absent label is the empty string);
/// - `regex` is fully anchored (`^(?s:regex)$`);
/// - `replace` sets `target_label` to the expansion of `replacement` when the regex matches (an empty
///   result deletes the label); `$1`, `${name}` refer to groups, also in `target_label`;
/// - `keep`/`drop` keep or drop the whole set on a match; `keepequal`/`dropequal` compare the joined
///   value with `target_label`'s value;
/// - `hashmod` sets `target_label` to the MD5 of the joined value (its last 8 bytes, big-endian) modulo
///   `modulus`; `lowercase`/`uppercase` set it to the joined value's case mapping;
/// - `labelmap` copies every label whose name matches to the name `replacement` expands to;
///   `labeldrop`/`labelkeep` remove the labels whose name matches / does not match.
///
/// Setting a label to the empty value removes it, as in Prometheus's label builder.
///
/// ```swift
/// let relabeler = try Relabeler(config.alerting.alertRelabelConfigs)
/// if let kept = relabeler.process(["alertname": "Down", "dc": "eu1"]) { … }   // nil: dropped
/// ```
public struct Relabeler: Sendable {
    /// One step with its regex compiled.
    struct Step: Sendable {
        let config: RelabelConfig
        let regex: CompiledRegex
        /// `replace` with the default regex and no `$` in target or replacement: a plain set.
        let isPlainSet: Bool
        /// `replace` with the default regex `(.*)`, replacement `$1` and a literal target: the
        /// joined value is copied without running the regex.
        let isPlainCopy: Bool
    }

    let steps: [Step]

    /// Compiles `configs` (their regexes).
    /// - Throws: ``RelabelError`` naming the step whose regex does not compile.
    public init(_ configs: [RelabelConfig]) throws {
        var steps: [Step] = []
        steps.reserveCapacity(configs.count)
        for (index, config) in configs.enumerated() {
            let regex: CompiledRegex
            do {
                regex = try CompiledRegex(config.regex, anchored: true)
            } catch {
                throw RelabelError(index: index, message: "invalid regex \"\(config.regex)\": \(error)")
            }
            let plain = config.action == .replace && config.regex == RelabelConfig.defaultRegex
                && !config.targetLabel.contains("$") && !config.replacement.contains("$")
            let copy = config.action == .replace && config.regex == RelabelConfig.defaultRegex
                && (config.replacement == "$1" || config.replacement == "${1}") && !config.targetLabel.contains("$")
            steps.append(Step(config: config, regex: regex, isPlainSet: plain, isPlainCopy: copy))
        }
        self.steps = steps
    }

    private init(steps: [Step]) {
        self.steps = steps
    }

    /// No steps: every label set is kept as it is.
    public static let identity = Relabeler(steps: [])

    /// Whether there are no steps (every label set is kept unchanged).
    public var isEmpty: Bool { steps.isEmpty }

    // MARK: - Processing

    /// The relabelled set, or `nil` when a step dropped it.
    public func process(_ labels: Labels) -> Labels? {
        if steps.isEmpty { return labels }
        var builder: [String: String] = [:]
        builder.reserveCapacity(labels.count + 2)
        for label in labels { builder[label.name] = label.value }
        for step in steps {
            guard apply(step, to: &builder) else { return nil }
        }
        return Labels(builder.map { Label($0.key, $0.value) })
    }

    /// Applies one step; returns `false` when the set is dropped.
    private func apply(_ step: Step, to labels: inout [String: String]) -> Bool {
        let config = step.config
        let value = joinedSourceValue(config, labels)
        switch config.action {
        case .drop:
            return !step.regex.matches(value)
        case .keep:
            return step.regex.matches(value)
        case .dropequal:
            return (labels[config.targetLabel] ?? "") != value
        case .keepequal:
            return (labels[config.targetLabel] ?? "") == value
        case .replace:
            replace(step, value: value, in: &labels)
        case .lowercase:
            set(config.targetLabel, value.lowercased(), in: &labels)
        case .uppercase:
            set(config.targetLabel, value.uppercased(), in: &labels)
        case .hashmod:
            guard config.modulus > 0 else { return true }
            set(config.targetLabel, String(Self.hashmod(value, config.modulus)), in: &labels)
        case .labelmap:
            // The regex is anchored: replacing "all" matches is expanding the one whole-name match.
            // `matches` (literal fast paths, DFA) filters before the capturing match.
            for (name, labelValue) in labels.sorted(by: { $0.key < $1.key }) where step.regex.matches(name) {
                guard let match = step.regex.firstMatch(in: name) else { continue }
                set(step.regex.expand(config.replacement, with: match), labelValue, in: &labels)
            }
        case .labeldrop:
            for name in Array(labels.keys) where step.regex.matches(name) { labels[name] = nil }
        case .labelkeep:
            for name in Array(labels.keys) where !step.regex.matches(name) { labels[name] = nil }
        }
        return true
    }

    private func joinedSourceValue(_ config: RelabelConfig, _ labels: [String: String]) -> String {
        switch config.sourceLabels.count {
        case 0: return ""
        case 1: return labels[config.sourceLabels[0]] ?? ""
        default: return config.sourceLabels.map { labels[$0] ?? "" }.joined(separator: config.separator)
        }
    }

    private func replace(_ step: Step, value: String, in labels: inout [String: String]) {
        let config = step.config
        if value.isEmpty && step.isPlainSet {
            set(config.targetLabel, config.replacement, in: &labels)
            return
        }
        if step.isPlainCopy {
            // `(.*)` matches any value (`.` matches newline), and `$1` is all of it.
            if LabelNames.isValidUTF8Name(config.targetLabel) { set(config.targetLabel, value, in: &labels) }
            return
        }
        guard let match = step.regex.firstMatch(in: value) else { return }
        let target = step.regex.expand(config.targetLabel, with: match)
        guard LabelNames.isValidUTF8Name(target) else { return }
        set(target, step.regex.expand(config.replacement, with: match), in: &labels)
    }

    private func set(_ name: String, _ value: String, in labels: inout [String: String]) {
        if value.isEmpty { labels[name] = nil } else if !name.isEmpty { labels[name] = value }
    }

    /// The last 8 bytes of the MD5 of `value`, big-endian, modulo `modulus` (Prometheus's `hashmod`).
    static func hashmod(_ value: String, _ modulus: UInt64) -> UInt64 {
        let digest = MD5.digest(value.utf8)
        var n: UInt64 = 0
        for byte in digest.suffix(8) { n = n << 8 | UInt64(byte) }
        return modulus == 0 ? 0 : n % modulus
    }
}

/// A relabel step that cannot be compiled.
public struct RelabelError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Position of the step in its list.
    public var index: Int
    public var message: String

    public var description: String { "relabel step \(index + 1): \(message)" }
}
