/// Stable codes of lab-spec diagnostics (`labctl check lab-spec`).
public enum LabSpecDiagnosticCode {
    public static let io = "lab-spec/io"
    public static let notALab = "lab-spec/not-a-lab"
    public static let invalidValue = "lab-spec/invalid-value"
    public static let missingText = "lab-spec/missing-translation"
    public static let unknownCheckKind = "lab-spec/unknown-check-kind"
    public static let unknownCheckParameter = "lab-spec/unknown-check-parameter"
    public static let missingCheckParameter = "lab-spec/missing-check-parameter"
    public static let unknownFile = "lab-spec/unknown-file"
    public static let wrongFileKind = "lab-spec/wrong-file-kind"
    public static let unknownScenario = "lab-spec/unknown-scenario"
    public static let pointsMismatch = "lab-spec/points-mismatch"
    public static let duplicate = "lab-spec/duplicate"
    public static let missingTemplate = "lab-spec/missing-template"
    public static let templateError = "lab-spec/template"
    public static let unknownLab = "lab-spec/unknown-lab"
    public static let idMismatch = "lab-spec/id-mismatch"
    public static let unusedScenario = "lab-spec/unused-scenario"
    public static let badPath = "lab-spec/bad-path"
    public static let unknownAnswerKey = "lab-spec/unknown-answer-key"
    /// `defects.yaml`: a defect that is malformed, does not apply to the solution or loses too much.
    public static let badDefect = "lab-spec/bad-defect"
    /// `starter.yaml`: a patch that is malformed or does not apply to its template.
    public static let badStarter = "lab-spec/bad-starter"
    /// Two checks of a lab with the same `id`.
    public static let duplicateCheckID = "lab-spec/duplicate-check-id"
}
