import ConfigModel
import Diagnostics
import LabCatalog

/// `dashboard_variable`: the dashboard defines the template variable (of the type asked).
public struct DashboardVariableCheck: CheckEvaluator {
    public static let kind = CheckKind.dashboardVariable
    public init() {}

    public func evaluate(_ check: Check, in context: GradingContext) throws -> CheckVerdict {
        let file = try check.required("file"), name = try check.required("name")
        let text: String
        switch context.read(file) {
        case .failure(let verdict): return verdict
        case .success(let t): text = t
        }
        let (dashboard, diagnostics) = GrafanaDashboard.load(text: text, file: file).parts
        guard let dashboard else { return .failed(context.feedback(diagnostics)) }
        guard let variable = dashboard.variables.first(where: { $0.name == name }) else {
            let names = dashboard.variables.map(\.name).joined(separator: ", ")
            return .failed(Feedback(context.say("\(file) does not define the variable \(name) (it has: \(names))"),
                                    location: SourceLocation(file: file, line: 1, column: 1)))
        }
        if let type = check.string("type"), variable.type != type {
            return .parts(met: 1, of: 2, [Feedback(context.say("variable \(name) is of type \(variable.type); \(type) is asked"),
                                                   location: variable.node?.location)])
        }
        return .passed()
    }
}
