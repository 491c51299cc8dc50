import Foundation

/// Writes test reports for people (`text`) and programs (`json`).
///
/// Text: every failure as `file:line: FAIL <eval line>`, the reason, and expected and actual results
/// side by side; then `file: N passed, M failed, K skipped` per file. `summaryLine` gives the final
/// `N passed, M failed, K skipped`.
public struct PromQLTestReportFormatter: Sendable {
    /// Also list skipped cases with their reason.
    public var showSkipped: Bool
    /// Widest the expected column grows before lines are cut.
    public var maxColumnWidth: Int

    public init(showSkipped: Bool = false, maxColumnWidth: Int = 80) {
        self.showSkipped = showSkipped
        self.maxColumnWidth = maxColumnWidth
    }

    // MARK: - Text

    /// The failures (and skips, if asked) of one file, then its count line.
    public func text(_ report: PromQLTestFileReport) -> String {
        var out = ""
        for c in report.cases where c.status == .failed || (showSkipped && c.status == .skipped) {
            out += "\(report.file):\(c.line): \(c.status == .failed ? "FAIL" : "SKIP") \(c.header)\n"
            if let reason = c.reason { out += "  \(reason)\n" }
            if c.status == .failed && !(c.expected.isEmpty && c.actual.isEmpty) { out += sideBySide(c.expected, c.actual) }
        }
        return out + report.summaryLine + "\n"
    }

    /// Two aligned columns headed `expected` and `actual`.
    public func sideBySide(_ expected: [String], _ actual: [String]) -> String {
        let left = ["expected"] + expected
        let right = ["actual"] + actual
        let width = min(maxColumnWidth, left.map(\.count).max() ?? 0)
        var out = ""
        for i in 0..<max(left.count, right.count) {
            var l = i < left.count ? left[i] : ""
            if l.count > width { l = String(l.prefix(max(width - 1, 0))) + "…" }
            let r = i < right.count ? right[i] : ""
            let marker = i == 0 ? "|" : (l == r ? "|" : "≠")
            let padded = l + String(repeating: " ", count: max(width - l.count, 0))
            out += "    \(padded) \(marker) \(r)".trailingSpacesRemoved + "\n"
        }
        return out
    }

    /// `N passed, M failed, K skipped` over all reports.
    public static func summaryLine(_ reports: [PromQLTestFileReport]) -> String {
        let passed = reports.reduce(0) { $0 + $1.passed }
        let failed = reports.reduce(0) { $0 + $1.failed }
        let skipped = reports.reduce(0) { $0 + $1.skipped }
        return "\(passed) passed, \(failed) failed, \(skipped) skipped"
    }

    // MARK: - JSON

    /// One JSON document: `files` (each with counts and its non-passing cases) and `summary`.
    public func json(_ reports: [PromQLTestFileReport]) -> String {
        let files: [[String: Any]] = reports.map { r in
            [
                "file": r.file, "passed": r.passed, "failed": r.failed, "skipped": r.skipped,
                "cases": r.cases.map { c -> [String: Any] in
                    var entry: [String: Any] = ["line": c.line, "expr": c.exprText, "status": c.status.rawValue]
                    if let reason = c.reason { entry["reason"] = reason }
                    if c.status == .failed {
                        entry["expected"] = c.expected
                        entry["actual"] = c.actual
                    }
                    return entry
                },
            ]
        }
        let summary: [String: Any] = [
            "passed": reports.reduce(0) { $0 + $1.passed },
            "failed": reports.reduce(0) { $0 + $1.failed },
            "skipped": reports.reduce(0) { $0 + $1.skipped },
        ]
        let document: [String: Any] = ["files": files, "summary": summary]
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? JSONSerialization.data(withJSONObject: document, options: options) else {
            return "{}\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

private extension String {
    var trailingSpacesRemoved: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
