import RE2

extension FuzzTarget {
    /// RE2 patterns (label matchers, relabelling): compiled, then matched against the text after the
    /// first NUL byte (or the pattern itself), searched and replaced.
    public static let regex = FuzzTarget(name: "regex", summary: "RE2 regex compiler and matcher") { bytes in
        let (pattern, subjectText) = FuzzInput.pair(bytes)
        let subject = subjectText.isEmpty ? pattern : subjectText
        for anchored in [true, false] {
            guard let regex = try? CompiledRegex(pattern, anchored: anchored, dotMatchesNewline: !anchored) else {
                continue
            }
            _ = regex.matches(subject)
            if let match = regex.firstMatch(in: subject) { _ = regex.expand("$1${1}x$0", with: match) }
            _ = regex.replaceAll(in: subject, with: "<$1>")
        }
        return []
    }
}
