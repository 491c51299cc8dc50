/// Stable diagnostic codes of rule file checks (`rules/…`). PromQL errors in `expr` use
/// `promql/parse-error`.
public enum RulesCode {
    public static let emptyGroupName = "rules/empty-group-name"
    public static let duplicateGroup = "rules/duplicate-group"
    public static let recordAndAlert = "rules/record-and-alert"
    public static let missingRecordOrAlert = "rules/missing-record-or-alert"
    public static let missingExpr = "rules/missing-expr"
    public static let invalidExprType = "rules/invalid-expr-type"
    public static let fieldNotAllowed = "rules/field-not-allowed"
    public static let invalidRecordName = "rules/invalid-record-name"
    public static let invalidLabelName = "rules/invalid-label-name"
    public static let invalidAnnotationName = "rules/invalid-annotation-name"
    public static let templateSyntax = "rules/template-syntax"
    public static let multipleDocuments = "rules/multiple-documents"
}
