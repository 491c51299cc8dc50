// MARK: - Feedback as plain text

extension Feedback {
    /// `file:line:col: message` (the location when known) and the notes under it, indented, one per
    /// line — the form the terminal report prints and the text formats (JUnit, Gradescope) carry.
    var plainText: String {
        let at = location.map { "\($0): " } ?? ""
        return ([at + message] + noteLines.map { "  " + $0 }).joined(separator: "\n")
    }

    /// The notes split at their line breaks (a note may hold a multi-line expression), so each
    /// line can be indented under the message.
    var noteLines: [String] {
        notes.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }
}

extension CheckResult {
    /// Every piece of feedback as plain text, separated by line breaks.
    var feedbackText: String { feedback.map(\.plainText).joined(separator: "\n") }

    /// Whether the check's title and feedback may be shown: not hidden, or hidden ones are shown.
    func isVisible(showHidden: Bool) -> Bool { !hidden || showHidden }
}
