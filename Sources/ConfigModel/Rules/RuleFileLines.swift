/// The lines of a rule file, split only when first asked for: they are needed for positions inside
/// block-scalar expressions (`expr: |`), which many files never use.
final class RuleFileLines {
    private let text: String?
    private var split: [Substring]?

    /// Lines already split.
    init(lines: [Substring]) {
        self.text = nil
        self.split = lines
    }

    /// The lines of `text`, split at `\n` on first use.
    init(text: String) {
        self.text = text
        self.split = nil
    }

    /// The lines (split at `\n`, empty ones kept).
    var lines: [Substring] {
        if let split { return split }
        let made = (text ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        split = made
        return made
    }
}
