import Diagnostics

// MARK: - "Did you mean" hints

extension ArgumentParser {
    /// ` (did you mean "x"?)` for a near miss by edit distance (``Suggestion/closest(to:in:)``), or for
    /// the only candidate that starts with `word` (so `comp` suggests `completion`); else empty.
    static func didYouMean(_ word: String, in candidates: [String]) -> String {
        if let close = Suggestion.closest(to: word, in: candidates) { return " (did you mean \"\(close)\"?)" }
        let stripped = word.drop { $0 == "-" }
        guard stripped.count >= 2 else { return "" }
        let prefixed = candidates.filter { $0.hasPrefix(word) }
        guard prefixed.count == 1, let only = prefixed.first else { return "" }
        return " (did you mean \"\(only)\"?)"
    }
}
