import Diagnostics
import Foundation
import LabCatalog

/// `profiling_report`: the report names at least `endpoints` distinct HTTP paths (`/api/orders`),
/// the evidence that the critical endpoints were profiled.
public struct ProfilingReportCheck: CheckEvaluator {
    public static let kind = CheckKind.profilingReport
    public init() {}

    public func evaluate(_ check: Check, in context: GradingContext) throws -> CheckVerdict {
        let path = try check.required("path")
        let wanted = Int(try check.number("endpoints") ?? 1)
        let text: String
        switch context.read(path) {
        case .failure(let verdict): return verdict
        case .success(let t): text = t
        }
        let found = Self.endpoints(in: text)
        if found.count >= wanted { return .passed() }
        return .failed([Feedback(context.say("the report \(path) covers \(found.count) endpoints (\(found.sorted().joined(separator: ", "))); at least \(wanted) are asked"),
                                 location: SourceLocation(file: path, line: 1, column: 1))])
    }

    /// Distinct paths like `/do_work` or `/api/v1/orders` (not file paths with extensions, not URLs' hosts).
    static func endpoints(in text: String) -> Set<String> {
        var out: Set<String> = []
        var current = ""
        var inPath = false
        var previous: Character = " "
        for c in text + " " {
            if inPath {
                if c.isLetter || c.isNumber || c == "_" || c == "-" || c == "/" || c == "{" || c == "}" { current.append(c); continue }
                if current.count > 1, !current.contains("."), !current.hasPrefix("//") { out.insert(current) }
                inPath = false
                current = ""
            }
            if c == "/", !(previous.isLetter || previous.isNumber || previous == "/" || previous == ":" || previous == ".") {
                inPath = true
                current = "/"
            }
            previous = c
        }
        return out
    }
}
