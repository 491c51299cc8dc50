import Foundation

/// The modules a Swift source file imports, with the line of each `import`. Lines inside
/// multi-line string literals (scripts and fixtures written by tests) and comments are not imports.
struct SourceImports {
    /// One `import` declaration.
    struct Import: Equatable {
        var module: String
        var line: Int
    }

    var imports: [Import]

    private static let attributes: Set<String> = ["@testable", "@_exported", "@preconcurrency", "@_implementationOnly"]
    private static let kinds: Set<String> = ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"]

    init(source: String) {
        var out: [Import] = []
        var inMultilineString = false
        var inBlockComment = false
        for (index, raw) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let quotes = line.components(separatedBy: "\"\"\"").count - 1
            defer { if quotes % 2 == 1 { inMultilineString.toggle() } }
            if inMultilineString { continue }
            if inBlockComment {
                if line.contains("*/") { inBlockComment = false }
                continue
            }
            if line.hasPrefix("/*"), !line.contains("*/") {
                inBlockComment = true
                continue
            }
            var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            while let first = words.first, Self.attributes.contains(first) || first.hasPrefix("@") { words.removeFirst() }
            guard words.first == "import", words.count >= 2 else { continue }
            var path = words[1]
            if Self.kinds.contains(path), words.count >= 3 { path = words[2] }
            let module = path.split(separator: ".").first.map(String.init) ?? path
            out.append(Import(module: module, line: index + 1))
        }
        imports = out
    }
}
