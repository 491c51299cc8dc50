import Diagnostics

/// A `TODO(labctl)` marker left in a lab file: `labctl init` writes starters with one where each
/// exercise asks for something, so `check lab` on a fresh starter lists what is still to do (as
/// lint warnings, not errors: the files are valid, only incomplete).
///
/// Triggers: `# TODO(labctl) rules: add the HighErrorRate alert / añade la alerta HighErrorRate`.
/// Does not trigger: the same file once the marker line is removed.
public struct TodoMarkerCheck: LabWiringCheck {
    public static let code = "lab/todo"
    public static let summary = "a TODO(labctl) marker of the starter is still in a file: part of an exercise is left to do"
    public static let isLint = true
    /// The marker `labctl init` writes.
    public static let marker = "TODO(labctl)"
    /// The most markers reported, and the largest file scanned.
    static let maxFindings = 200
    static let maxFileBytes = 1 << 20

    static let suffixes = [".yml", ".yaml", ".json", ".py", ".js", ".conf", ".md", ".txt", "Dockerfile", ".ini", ".toml"]

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for path in LabPath.files(under: lab.directory, suffixes: Self.suffixes) {
            guard out.count < Self.maxFindings,
                  let text = LabPath.readText(path, maxBytes: Self.maxFileBytes), text.contains(Self.marker) else { continue }
            var line = 0
            for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
                line += 1
                guard let range = raw.range(of: Self.marker), out.count < Self.maxFindings else { continue }
                let column = raw[..<range.lowerBound].unicodeScalars.count + 1
                let rest = raw[range.upperBound...].trimmingCharacters(in: Self.noise)
                let what = rest.isEmpty ? "part of an exercise" : rest
                out.append(.warning(Self.code, "still to do: \(what)",
                                    at: SourceLocation(file: path, line: line, column: column)))
            }
        }
        return out
    }

    /// Characters around a marker's text that are not part of it (comment and JSON punctuation).
    private static let noise: Set<Character> = [" ", "\t", "\r", ":", "\"", ",", "#", "/", "*", "-"]
}

private extension Substring {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var s = self[...]
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
