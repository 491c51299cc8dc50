import Diagnostics
import LabCatalog

/// `file_contains`: the file contains a literal text (for wiring such as `alertmanager:9093`).
public struct FileContainsCheck: CheckEvaluator {
    public static let kind = CheckKind.fileContains
    public init() {}

    public func evaluate(_ check: Check, in context: GradingContext) throws -> CheckVerdict {
        let file = try check.required("file"), text = try check.required("text")
        switch context.read(file) {
        case .failure(let verdict): return verdict
        case .success(let content):
            if content.contains(text) { return .passed() }
            return .failed(Feedback(context.say("\(file) does not contain \"\(text)\""),
                                    location: SourceLocation(file: file, line: 1, column: 1)))
        }
    }
}
