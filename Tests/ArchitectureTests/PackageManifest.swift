import Foundation

/// The targets of a `Package.swift`, read from its text: names, kinds, declared dependencies and
/// the folders their sources live in. Only the literal shapes this package uses are understood
/// (`.target(name: "X", dependencies: ["A", "B"], path: "P", sources: ["S"])` and the other target
/// kinds); anything else in the manifest is ignored.
struct PackageManifest: Equatable {
    /// One declared target.
    struct Target: Equatable {
        /// `target`, `executableTarget`, `testTarget` or `systemLibrary`.
        var kind: String
        var name: String
        /// The names in `dependencies: [...]`, in order.
        var dependencies: [String]
        /// Source folders or files, relative to the package root.
        var sourcePaths: [String]
        /// Excluded folders or files, relative to the package root.
        var excluded: [String] = []
    }

    var targets: [Target]

    /// The target called `name`, if declared.
    func target(_ name: String) -> Target? { targets.first { $0.name == name } }

    /// Every target reachable from `name` through declared dependencies (not `name` itself).
    func closure(of name: String) -> Set<String> {
        var seen = Set<String>()
        var stack = target(name)?.dependencies ?? []
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }
            stack += target(next)?.dependencies ?? []
        }
        return seen
    }

    private static let kinds = ["target", "executableTarget", "testTarget", "systemLibrary"]

    /// Reads the targets out of a manifest's text.
    init(parsing text: String) {
        let chars = Array(text)
        var out: [Target] = []
        var i = 0
        while i < chars.count {
            guard chars[i] == ".", let kind = Self.kinds.first(where: { Self.matches(chars, at: i + 1, "\($0)(") }) else {
                i += 1
                continue
            }
            let open = i + 1 + kind.count
            let close = Self.matchingClose(chars, open: open)
            let body = String(chars[(open + 1)..<close])
            if let name = Self.stringArgument("name", in: body) {
                let defaultRoot = kind == "testTarget" ? "Tests/\(name)" : "Sources/\(name)"
                let root = Self.stringArgument("path", in: body) ?? defaultRoot
                let sources = Self.listArgument("sources", in: body)
                let paths = sources.map { $0.map { root == "." ? $0 : "\(root)/\($0)" } } ?? [root]
                let excluded = (Self.listArgument("exclude", in: body) ?? []).map { root == "." ? $0 : "\(root)/\($0)" }
                out.append(Target(kind: kind, name: name, dependencies: Self.listArgument("dependencies", in: body) ?? [],
                                  sourcePaths: paths, excluded: excluded))
            }
            i = close + 1
        }
        targets = out
    }

    // MARK: - Scanning

    private static func matches(_ chars: [Character], at i: Int, _ word: String) -> Bool {
        let w = Array(word)
        guard i >= 0, i + w.count <= chars.count else { return false }
        return Array(chars[i..<(i + w.count)]) == w
    }

    /// The index of the bracket closing the one at `open` (string literals skipped), or the end.
    private static func matchingClose(_ chars: [Character], open: Int) -> Int {
        var depth = 0
        var inString = false
        var i = open
        while i < chars.count {
            let c = chars[i]
            if inString {
                if c == "\\" { i += 1 } else if c == "\"" { inString = false }
            } else if c == "\"" {
                inString = true
            } else if c == "(" || c == "[" {
                depth += 1
            } else if c == ")" || c == "]" {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return chars.count - 1
    }

    /// The string literal after `label:` at the top level of `body`.
    private static func stringArgument(_ label: String, in body: String) -> String? {
        guard let value = argument(label, in: body) else { return nil }
        return stringLiterals(value).first
    }

    /// The string literals of the `[...]` list after `label:`.
    private static func listArgument(_ label: String, in body: String) -> [String]? {
        guard let value = argument(label, in: body), value.first == "[" else { return nil }
        return stringLiterals(value)
    }

    /// The text of the argument labelled `label` at nesting depth 0 of `body`.
    private static func argument(_ label: String, in body: String) -> String? {
        let chars = Array(body)
        var depth = 0
        var inString = false
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if inString {
                if c == "\\" { i += 1 } else if c == "\"" { inString = false }
            } else if c == "\"" {
                inString = true
            } else if c == "(" || c == "[" {
                depth += 1
            } else if c == ")" || c == "]" {
                depth -= 1
            } else if depth == 0, matches(chars, at: i, label + ":"),
                      i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber) {
                var j = i + label.count + 1
                while j < chars.count, chars[j].isWhitespace { j += 1 }
                guard j < chars.count else { return nil }
                if chars[j] == "[" || chars[j] == "(" {
                    return String(chars[j...matchingClose(chars, open: j)])
                }
                var k = j
                var quoted = false
                while k < chars.count {
                    if chars[k] == "\"" { quoted.toggle() }
                    if !quoted, chars[k] == "," { break }
                    k += 1
                }
                return String(chars[j..<k])
            }
            i += 1
        }
        return nil
    }

    private static func stringLiterals(_ text: String) -> [String] {
        var out: [String] = []
        var current: String?
        var escaped = false
        for c in text {
            if var s = current {
                if escaped {
                    s.append(c)
                    escaped = false
                    current = s
                } else if c == "\\" {
                    escaped = true
                } else if c == "\"" {
                    out.append(s)
                    current = nil
                } else {
                    s.append(c)
                    current = s
                }
            } else if c == "\"" {
                current = ""
            }
        }
        return out
    }
}
