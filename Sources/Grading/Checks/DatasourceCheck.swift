import ConfigModel
import Diagnostics
import LabCatalog

/// `datasource`: Grafana provisions a datasource with the URL (and type) asked.
public struct DatasourceCheck: CheckEvaluator {
    public static let kind = CheckKind.datasource
    public init() {}

    public func evaluate(_ check: Check, in context: GradingContext) throws -> CheckVerdict {
        let file = try check.required("file"), url = try check.required("url")
        let text: String
        switch context.read(file) {
        case .failure(let verdict): return verdict
        case .success(let t): text = t
        }
        let (provisioning, diagnostics) = GrafanaProvisioning.load(text: text, file: file).parts
        guard let provisioning else { return .failed(context.feedback(diagnostics)) }
        let trimmed: (String) -> String = { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        guard let source = provisioning.datasources.first(where: { trimmed($0.url ?? "") == trimmed(url) }) else {
            let urls = provisioning.datasources.compactMap(\.url).joined(separator: ", ")
            return .failed(Feedback(context.say("no datasource points at \(url) (there are: \(urls))"),
                                    location: SourceLocation(file: file, line: 1, column: 1)))
        }
        if let type = check.string("type"), source.type != type {
            return .parts(met: 1, of: 2, [Feedback(context.say("datasource \(source.name) is of type \(source.type); \(type) is asked"),
                                                   location: source.node?.location)])
        }
        return .passed()
    }
}
