import Diagnostics

/// An `except` whose body is only `pass` (or `...`): the error disappears, the job or handler looks
/// successful and nothing records the failure. The seed's Lab 8 batch job did this (`except Exception
/// as e: # Registrar fallo` / `pass`), so a failed run pushed no failure metric and exited 0.
///
/// Triggers:
/// ```python
/// except Exception as e:
///     # record the failure
///     pass
/// ```
/// Does not trigger: a body that logs, sets a metric, re-raises or returns; `except ImportError: pass`
/// (an optional import).
public struct PythonSwallowedExceptionCheck: LabWiringCheck {
    public static let code = "lab/python-swallowed-exception"
    public static let summary = "a Python except block only passes: the error is swallowed and nothing records the failure"
    public static let isLint = true

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        PythonSource.all(in: lab).flatMap { source -> [Diagnostic] in
            var out: [Diagnostic] = []
            for (index, line) in source.lines.enumerated() {
                let code = PythonSource.code(line)
                guard code.hasPrefix("except"), code.hasSuffix(":"), !code.contains("ImportError"),
                      !code.contains("ModuleNotFoundError") else { continue }
                let indent = Self.indentation(line)
                let body = Self.body(of: index, indent: indent, in: source.lines)
                guard !body.isEmpty, body.allSatisfy({ $0 == "pass" || $0 == "..." }) else { continue }
                out.append(.warning(Self.code, "this except block only passes: the error is swallowed and the failure is "
                                    + "not recorded; log it, count it in a metric (e.g. set a *_last_failure_timestamp_seconds "
                                    + "gauge) or re-raise, and let a failed job exit non-zero",
                                    at: source.location(line: index + 1, of: "except")))
            }
            return out
        }
    }

    /// The code lines of the block after line `index` (more indented than `indent`), comments dropped.
    static func body(of index: Int, indent: Int, in lines: [Substring]) -> [Substring] {
        var out: [Substring] = []
        var next = index + 1
        while next < lines.count {
            let line = lines[next]
            let code = PythonSource.code(line)
            next += 1
            if code.isEmpty { continue }
            guard indentation(line) > indent else { break }
            out.append(Substring(code.trimmingTrailingBlanks()))
            if out.count > 8 { break }
        }
        return out
    }

    /// The number of leading blanks (a tab counts as one).
    static func indentation(_ line: Substring) -> Int {
        line.prefix { $0 == " " || $0 == "\t" }.count
    }
}

extension Substring {
    /// The text without trailing spaces, tabs and carriage returns.
    fileprivate func trimmingTrailingBlanks() -> Substring {
        var end = endIndex
        while end > startIndex, let c = self[..<end].last, c == " " || c == "\t" || c == "\r" {
            end = index(before: end)
        }
        return self[..<end]
    }
}
