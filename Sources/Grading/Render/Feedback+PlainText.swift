// MARK: - Feedback as plain text

extension Feedback {
    /// `file:line:col: message` (the location when known) and the notes under it, indented, one per
    /// line — the form the terminal report prints and the text formats (JUnit, Gradescope) carry.
    var plainText: String {
        let at = location.map { "\($0): " } ?? ""
        return ([at + message] + notes.map { "  " + $0 }).joined(separator: "\n")
    }
}

extension CheckResult {
    /// Every piece of feedback as plain text, separated by line breaks.
    var feedbackText: String { feedback.map(\.plainText).joined(separator: "\n") }

    /// Whether the check's title and feedback may be shown: not hidden, or hidden ones are shown.
    func isVisible(showHidden: Bool) -> Bool { !hidden || showHidden }
}
