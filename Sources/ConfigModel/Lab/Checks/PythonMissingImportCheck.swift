import Diagnostics

/// A Python file that calls a standard module (`time.time()`, `asyncio.sleep()`, `os.getenv()`…)
/// without importing it: the NameError only shows when that line runs, often inside an alert or an
/// error path. The seed's `monitoring/alerts.py` used `time.time()` without `import time`.
///
/// Triggers: `current_time = time.time()` in a file with no `import time`.
/// Does not trigger: `import time` (or `from time import …`, `import time as t`) anywhere in the file.
public struct PythonMissingImportCheck: LabWiringCheck {
    public static let code = "lab/python-missing-import"
    public static let summary = "a Python file uses a standard module (time, asyncio, os…) it never imports"
    public static let isLint = true

    static let modules = ["time", "asyncio", "os", "json", "random", "math", "datetime", "logging", "psutil"]

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        PythonSource.all(in: lab).flatMap { source -> [Diagnostic] in
            let code = source.lines.map(PythonSource.code)
            return Self.modules.compactMap { module -> Diagnostic? in
                guard !code.contains(where: { Self.imports($0, module) }),
                      let index = code.firstIndex(where: { Self.uses($0, module) }) else { return nil }
                return .warning(Self.code, "\(module).… is used but \(module) is never imported in this file: "
                                + "NameError when this line runs; add `import \(module)` at the top",
                                at: source.location(line: index + 1, of: module + "."))
            }
        }
    }

    /// Whether a line of code imports `module` (or binds the name some other way).
    static func imports(_ line: Substring, _ module: String) -> Bool {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
        guard let first = words.first else { return false }
        if first == "import" { return words.dropFirst().contains { $0 == module || $0.hasPrefix(module + ".") } }
        if first == "from", words.count > 1 {
            return words[1] == Substring(module) || words.dropFirst(2).contains { $0 == module }
        }
        if words.count >= 3, words[1] == "as" || words[1] == "=" { return first == Substring(module) }
        return line.hasPrefix("def \(module)(") || line.hasPrefix("\(module) =") || line.hasPrefix("global \(module)")
    }

    /// Whether the line uses `module.` as a name (not `x.module.` nor `start_time.`).
    static func uses(_ line: Substring, _ module: String) -> Bool {
        var rest = line[...]
        while let r = rest.range(of: module + ".") {
            let before = rest[..<r.lowerBound].last
            if before == nil || !(before?.isLetter ?? false || before?.isNumber ?? false || before == "_" || before == ".") {
                if !rest[..<r.lowerBound].contains("\"") && !rest[..<r.lowerBound].contains("'") { return true }
            }
            rest = rest[r.upperBound...]
        }
        return false
    }
}
