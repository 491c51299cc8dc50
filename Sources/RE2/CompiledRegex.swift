/// A compiled RE2-syntax regular expression with Go `regexp` semantics.
///
/// Matching is leftmost-first and runs in time linear in the input (a Pike VM; no backtracking),
/// with literal fast paths for common Prometheus matchers. `.` matches newline by default, as in
/// Prometheus label matchers (`^(?s:pattern)$`).
public final class CompiledRegex: Sendable {
    /// The pattern as written by the user.
    public let pattern: String
    /// Whether the pattern must match the whole input.
    public let isAnchored: Bool
    /// Capture group names by index; index 0 (the whole match) is nil, like Go's `SubexpNames`.
    public let captureNames: [String?]

    private let program: Program
    private let fastPath: LiteralMatcher?
    private let requiredPrefix: [UInt8]
    private let dfa: AsciiDFA?

    /// Compiles `pattern`.
    ///
    /// - Parameters:
    ///   - anchored: `true` matches the whole string (`^(?s:pattern)$`), `false` searches.
    ///   - dotMatchesNewline: whether `.` matches `\n` (the `s` flag); Prometheus matchers use `true`.
    /// - Throws: `RegexSyntaxError` with Go's message text.
    public init(_ pattern: String, anchored: Bool = true, dotMatchesNewline: Bool = true) throws {
        self.pattern = pattern
        self.isAnchored = anchored
        let parsed = try RegexParser.parse(pattern, flags: dotMatchesNewline ? [.dotNL] : [])
        captureNames = parsed.captureNames
        let root = anchored
            ? RegexNode.concat([.assertion(.beginText), parsed.root, .assertion(.endText)])
            : parsed.root
        do {
            program = try Compiler.compile(root, groups: parsed.captureNames.count - 1)
        } catch var error as RegexSyntaxError {
            error.fragment = pattern
            throw error
        }
        fastPath = LiteralMatcher.analyze(parsed.root, anchored: anchored)
        requiredPrefix = anchored ? LiteralMatcher.requiredPrefix(parsed.root) : []
        dfa = fastPath == nil ? AsciiDFA.build(program) : nil
    }

    /// Number of capture groups, group 0 excluded (Go's `NumSubexp`).
    public var numberOfCaptureGroups: Int { captureNames.count - 1 }

    /// Whether a literal fast path decides `matches` without the VM.
    var usesFastPath: Bool { fastPath != nil }

    /// Whether an ASCII DFA was built for `matches`.
    var hasDFA: Bool { dfa != nil }

    // MARK: - Matching

    /// Whether `s` matches (the whole of `s` when anchored).
    public func matches(_ s: String) -> Bool {
        withBytes(s) { bytes in
            if let fast = fastPath, let result = fast.matches(bytes) { return result }
            if !requiredPrefix.isEmpty {
                guard bytes.count >= requiredPrefix.count else { return false }
                for (i, b) in requiredPrefix.enumerated() where bytes[i] != b { return false }
            }
            if let dfa, let result = dfa.matches(bytes) { return result }
            return PikeVM(program: program).run(bytes, from: 0, wantSlots: false) != nil
        }
    }

    /// The leftmost-first match in `s` with its capture groups, or nil.
    public func firstMatch(in s: String) -> RegexMatch? {
        let found = withBytes(s) { bytes -> [Int]? in
            if definitelyNoMatch(bytes) { return nil }
            return PikeVM(program: program).run(bytes, from: 0, wantSlots: true)
        }
        guard let slots = found else {
            return nil
        }
        return RegexMatch(input: s, slots: slots, names: captureNames)
    }

    /// `matches` decided by the Pike VM alone (tests compare the fast paths against it).
    func matchesUsingVM(_ s: String) -> Bool {
        withBytes(s) { PikeVM(program: program).run($0, from: 0, wantSlots: false) != nil }
    }

    // MARK: - Templates

    /// Expands `template` (Go's `Regexp.Expand` syntax: `$1`, `${1}`, `$name`, `${name}`, `$$`).
    public func expand(_ template: String, with match: RegexMatch) -> String {
        var out = ""
        TemplateExpander.expand(template, match: match, into: &out)
        return out
    }

    /// Replaces every non-overlapping match in `s` with the expansion of `template`
    /// (Go's `ReplaceAllString`).
    public func replaceAll(in s: String, with template: String) -> String {
        let replaced = withBytes(s) { bytes -> [[Int]] in
            if definitelyNoMatch(bytes) { return [] }
            var found: [[Int]] = []
            var searchPos = 0
            var lastMatchEnd = 0
            let vm = PikeVM(program: program)
            while searchPos <= bytes.count, let slots = vm.run(bytes, from: searchPos, wantSlots: true) {
                let (start, end) = (slots[0], slots[1])
                // An empty match right after the previous match is not replaced (as in Go).
                if end > lastMatchEnd || start == 0 { found.append(slots) }
                lastMatchEnd = end
                let width = searchPos < bytes.count ? UTF8Input.decode(bytes, searchPos).1 : 1
                searchPos = searchPos + width > end ? searchPos + width : end
            }
            return found
        }
        guard !replaced.isEmpty else { return s }
        var out = ""
        var copied = s.startIndex
        for slots in replaced {
            let match = RegexMatch(input: s, slots: slots, names: captureNames)
            let r = match.range
            out += s[copied..<r.lowerBound]
            TemplateExpander.expand(template, match: match, into: &out)
            copied = r.upperBound
        }
        out += s[copied...]
        return out
    }

    // MARK: - Input access

    /// True when a fast path or the DFA proves there is no match (a cheap filter before the VM).
    private func definitelyNoMatch(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let fast = fastPath { return fast.matches(bytes) == false }
        if let dfa { return dfa.matches(bytes) == false }
        return false
    }

    private func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        let bytes = Array(s.utf8)
        return bytes.withUnsafeBufferPointer(body)
    }
}
