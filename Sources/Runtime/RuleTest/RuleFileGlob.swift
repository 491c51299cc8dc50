import Foundation

/// Resolves `rule_files` patterns as promtool does: relative paths are joined to the test file's
/// directory, then globbed (`*`, `?`, `[...]` in the last path component). Patterns that match
/// nothing are reported, not fatal.
enum RuleFileGlob {
    static func resolve(_ patterns: [String], relativeTo base: String) -> (files: [String], unmatched: [String]) {
        var files: [String] = []
        var unmatched: [String] = []
        for pattern in patterns where !pattern.isEmpty {
            let full = pattern.hasPrefix("/") || base == "." || base.isEmpty
                ? pattern : (base as NSString).appendingPathComponent(pattern)
            let matches = glob(full)
            if matches.isEmpty { unmatched.append(full) }
            files += matches
        }
        return (files, unmatched)
    }

    static func glob(_ path: String) -> [String] {
        let name = (path as NSString).lastPathComponent
        let directory = (path as NSString).deletingLastPathComponent
        guard name.contains(where: { "*?[".contains($0) }) else {
            return FileManager.default.fileExists(atPath: path) ? [path] : []
        }
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        return listed.filter { !$0.hasPrefix(".") || name.hasPrefix(".") }
            .filter { matches(Array($0.unicodeScalars), Array(name.unicodeScalars)) }
            .sorted()
            .map { directory.isEmpty ? $0 : (directory as NSString).appendingPathComponent($0) }
    }

    /// Shell-style wildcard match of a whole name (iterative, no recursion).
    static func matches(_ text: [Unicode.Scalar], _ pattern: [Unicode.Scalar]) -> Bool {
        var t = 0, p = 0
        var starP = -1, starT = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "*" {
                starP = p
                starT = t
                p += 1
                continue
            }
            if p < pattern.count, let width = matchOne(text[t], pattern, at: p) {
                t += 1
                p += width
                continue
            }
            guard starP >= 0 else { return false }
            starT += 1
            t = starT
            p = starP + 1
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }

    /// Whether `c` matches the pattern element at `p`; returns its width in the pattern.
    private static func matchOne(_ c: Unicode.Scalar, _ pattern: [Unicode.Scalar], at p: Int) -> Int? {
        switch pattern[p] {
        case "?": return 1
        case "[":
            var i = p + 1
            var negate = false
            if i < pattern.count, pattern[i] == "^" || pattern[i] == "!" {
                negate = true
                i += 1
            }
            var found = false
            var first = true
            while i < pattern.count, pattern[i] != "]" || first {
                first = false
                if i + 2 < pattern.count, pattern[i + 1] == "-", pattern[i + 2] != "]" {
                    if pattern[i].value <= c.value && c.value <= pattern[i + 2].value { found = true }
                    i += 3
                } else {
                    if pattern[i] == c { found = true }
                    i += 1
                }
            }
            guard i < pattern.count else { return pattern[p] == c ? 1 : nil }
            return found != negate ? i - p + 1 : nil
        case "\\":
            if p + 1 < pattern.count { return pattern[p + 1] == c ? 2 : nil }
            return c == "\\" ? 1 : nil
        default:
            return pattern[p] == c ? 1 : nil
        }
    }
}
