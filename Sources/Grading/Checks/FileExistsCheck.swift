import LabCatalog

/// `file_exists`: the file is a regular file of the submission.
public struct FileExistsCheck: CheckEvaluator {
    public static let kind = CheckKind.fileExists
    public init() {}

    public func evaluate(_ check: Check, in context: GradingContext) throws -> CheckVerdict {
        let file = try check.required("file")
        switch context.read(file) {
        case .success: return .passed()
        case .failure(let verdict): return verdict
        }
    }
}
