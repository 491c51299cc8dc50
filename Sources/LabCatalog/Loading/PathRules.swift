/// The shape of paths in lab specs: relative, `/`-separated, no `.` or `..` segments, outside `.labctl/`.
enum PathRules {
    /// Why `path` is not acceptable, or `nil`.
    static func problem(with path: String) -> String? {
        if path.isEmpty { return "is empty" }
        if path.hasPrefix("/") { return "must be relative" }
        if path.contains("\\") { return "must use / as separator" }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            return "must not contain empty, . or .. segments"
        }
        if segments.first == ".labctl" { return "must not be under .labctl/" }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 }) { return "contains a control character" }
        return nil
    }
}
