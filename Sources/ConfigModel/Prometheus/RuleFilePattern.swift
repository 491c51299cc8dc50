/// The shape of `rule_files` and file_sd patterns: a path where `*` may appear only in the last component
/// (Prometheus's `^[^*]*(\*[^/]*)?$`).
enum RuleFilePattern {
    static func isValid(_ pattern: String) -> Bool {
        guard let star = pattern.firstIndex(of: "*") else { return true }
        return !pattern[star...].contains("/")
    }

    /// Whether the pattern holds glob characters (and so may match nothing without an error).
    static func isGlob(_ pattern: String) -> Bool {
        pattern.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }
}
