import Diagnostics
import Foundation
import LabCatalog

/// `document_sections`: a Markdown document has a heading for each required section; `a|b` accepts
/// either (Spanish or English), compared without case or accents.
public struct DocumentSectionsCheck: CheckEvaluator {
    public static let kind = CheckKind.documentSections
    public init() {}

    public func evaluate(_ check: Check, in context: GradingContext) throws -> CheckVerdict {
        let path = try check.required("path")
        guard let sections = check.list("sections"), !sections.isEmpty else {
            throw GraderError("document_sections needs sections", location: check.location)
        }
        let text: String
        switch context.read(path) {
        case .failure(let verdict): return verdict
        case .success(let t): text = t
        }
        let headings = text.split(separator: "\n").map(String.init).filter { $0.hasPrefix("#") }
            .map { DashboardPanelCheck.fold($0.drop { $0 == "#" || $0 == " " }.trimmingCharacters(in: .whitespaces)) }
        let missing = sections.filter { section in
            let options = section.split(separator: "|").map { DashboardPanelCheck.fold($0.trimmingCharacters(in: .whitespaces)) }
            return !headings.contains { heading in options.contains { heading.contains($0) } }
        }
        let met = sections.count - missing.count
        let feedback = missing.isEmpty ? [] : [Feedback(context.say("\(path) lacks the sections: \(missing.joined(separator: ", "))"),
                                                        location: SourceLocation(file: path, line: 1, column: 1))]
        return .parts(met: met, of: sections.count, feedback)
    }
}
