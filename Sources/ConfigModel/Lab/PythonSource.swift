import Diagnostics

/// A Python source of the lab split into lines, for the checks that look for known pitfalls in the
/// lab's services (Práctica 26's seed has several). Comments and string-only lines are not special:
/// the checks look for patterns that only occur in code.
struct PythonSource {
    var path: String
    var lines: [Substring]

    /// Every Python file the lab loader read (at most 1 MiB each).
    static func all(in lab: Lab) -> [PythonSource] {
        lab.appMetrics.files.compactMap { path in
            LabPath.readText(path, maxBytes: 1 << 20).map {
                PythonSource(path: path, lines: $0.split(separator: "\n", omittingEmptySubsequences: false))
            }
        }
    }

    /// The line without its comment and surrounding blanks (a `#` inside a string cuts it too, which
    /// only hides findings).
    static func code(_ line: Substring) -> Substring {
        let cut = line.firstIndex(of: "#").map { line[..<$0] } ?? line
        return cut.drop { $0 == " " || $0 == "\t" }
    }

    /// Where `needle` starts on 1-based line `number`.
    func location(line number: Int, of needle: String) -> SourceLocation {
        let text = lines.indices.contains(number - 1) ? lines[number - 1] : ""
        let column = text.range(of: needle).map { text[..<$0.lowerBound].unicodeScalars.count + 1 } ?? 1
        return SourceLocation(file: path, line: number, column: column)
    }
}
