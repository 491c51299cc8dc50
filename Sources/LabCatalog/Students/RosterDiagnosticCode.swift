/// Stable codes of roster and student-variant diagnostics.
public enum RosterDiagnosticCode {
    public static let io = "roster/io"
    public static let empty = "roster/empty"
    public static let csvSyntax = "roster/csv-syntax"
    public static let missingColumn = "roster/missing-column"
    public static let duplicateColumn = "roster/duplicate-column"
    public static let unknownColumn = "roster/unknown-column"
    public static let fieldCount = "roster/field-count"
    public static let invalidID = "roster/invalid-id"
    public static let duplicateID = "roster/duplicate-id"
    public static let invalidPrefix = "roster/invalid-prefix"
    public static let duplicatePrefix = "roster/duplicate-prefix"
    public static let prefixOverlap = "roster/prefix-overlap"
    public static let unknownDomain = "roster/unknown-domain"
    public static let invalidEntity = "roster/invalid-entity"
    public static let invalidName = "roster/invalid-name"
    public static let invalidEmail = "roster/invalid-email"
}
