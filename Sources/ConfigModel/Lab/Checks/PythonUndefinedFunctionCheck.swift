import Diagnostics

/// A Python file that calls a snake_case function it never defines, imports or binds: the NameError
/// only shows when that line runs (the seed's Lab 8 batch job called `process_data()`, defined nowhere,
/// and its `except` hid the error).
///
/// Conservative on purpose: only names with an underscore (`process_data`, not `run`), called at the
/// start of a statement or right after `=`/`return`/`await`; a file with a star import is skipped, and a
/// name counts as bound when it is a `def`/`class`, imported, assigned, a parameter, a loop or `with`
/// target or a builtin anywhere in the file.
///
/// Triggers: `count = process_data()` with no `def process_data` and no import of it.
/// Does not trigger: `from jobs import process_data`; `def run(process_data): process_data()`.
public struct PythonUndefinedFunctionCheck: LabWiringCheck {
    public static let code = "lab/python-undefined-function"
    public static let summary = "a Python file calls a function it never defines or imports (NameError when the line runs)"
    public static let isLint = true

    static let builtins: Set<String> = ["print_function", "set_trace"]
    static let keywords: Set<String> = ["if", "elif", "while", "for", "return", "await", "yield", "assert", "del", "not",
                                        "and", "or", "in", "is", "raise", "with", "lambda", "print", "super"]

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        PythonSource.all(in: lab).flatMap { source -> [Diagnostic] in
            let code = source.lines.map(PythonSource.code)
            guard !code.contains(where: { $0.hasPrefix("from ") && $0.hasSuffix("import *") }) else { return [] }
            let bound = Self.boundNames(code)
            var reported = Set<String>()
            var out: [Diagnostic] = []
            for (index, line) in code.enumerated() {
                guard let name = Self.calledName(line), !bound.contains(name), !Self.builtins.contains(name),
                      reported.insert(name).inserted else { continue }
                out.append(.warning(Self.code, "\(name)() is called but never defined, imported or assigned in this file: "
                                    + "NameError when this line runs; define it (def \(name)(…):) or import it",
                                    at: source.location(line: index + 1, of: name + "(")))
            }
            return out
        }
    }

    /// The snake_case function a statement calls first: `name(` at its start or after `=`, `return` or `await`.
    static func calledName(_ line: Substring) -> String? {
        var rest = line
        for prefix in ["return ", "await "] where rest.hasPrefix(prefix) { rest = rest.dropFirst(prefix.count) }
        if let eq = rest.firstIndex(of: "="), !rest[..<eq].contains("("), !rest[..<eq].contains("["),
           rest[rest.index(after: eq)...].first != "=" {
            let target = rest[..<eq]
            if target.last == "!" || target.last == "<" || target.last == ">" { return nil }
            rest = rest[rest.index(after: eq)...].drop { $0 == " " }
            for prefix in ["await "] where rest.hasPrefix(prefix) { rest = rest.dropFirst(prefix.count) }
        }
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        guard !name.isEmpty, rest.dropFirst(name.count).first == "(", name.contains("_"), !name.hasPrefix("_"),
              name.first?.isLowercase ?? false, !keywords.contains(String(name)) else { return nil }
        return String(name)
    }

    /// Every name the file binds somewhere: definitions, imports, assignments, parameters, loop,
    /// `with`/`except` targets and globals (scopes are not told apart).
    static func boundNames(_ code: [Substring]) -> Set<String> {
        var out = Set<String>()
        func words(_ s: Substring) -> [String] {
            s.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init)
        }
        for line in code {
            if line.hasPrefix("def ") || line.hasPrefix("async def ") || line.hasPrefix("class ") {
                out.formUnion(words(line))          // the name and its parameters (and defaults, harmlessly)
            } else if line.hasPrefix("import ") || line.hasPrefix("from ") || line.hasPrefix("global ")
                        || line.hasPrefix("nonlocal ") {
                out.formUnion(words(line))
            } else if line.hasPrefix("for ") || line.hasPrefix("async for "), let r = line.range(of: " in ") {
                out.formUnion(words(line[..<r.lowerBound]))
            }
            for marker in [" as ", "lambda "] {
                var rest = line[...]
                while let r = rest.range(of: marker) {
                    let after = rest[r.upperBound...]
                    out.formUnion(words(after.prefix { $0 != ":" && $0 != ")" }))
                    rest = after
                }
            }
            if let eq = line.firstIndex(of: "="), !line[..<eq].contains("("),
               line[line.index(after: eq)...].first != "=" {
                out.formUnion(words(line[..<eq]))
            }
            if line.contains(":=") { out.formUnion(words(line)) }
        }
        return out
    }
}
