import ConfigModel
import Diagnostics
import Foundation
import LabCatalog

/// `config_valid`: labctl's own check of the file's kind passes (errors fail; warnings do not).
/// A Prometheus config's rule files are checked too, read through the submission (so `..`, absolute
/// paths and links in `rule_files` are findings, never reads).
public struct ConfigValidCheck: CheckEvaluator {
    public static let kind = CheckKind.configValid
    public init() {}

    public func evaluate(_ check: Check, in context: GradingContext) throws -> CheckVerdict {
        let file = try check.required("file"), kind = try check.required("check")
        let text: String
        switch context.read(file) {
        case .failure(let verdict): return verdict
        case .success(let t): text = t
        }
        let directory = (file as NSString).deletingLastPathComponent
        var diagnostics: [Diagnostic]
        switch kind {
        case "config":
            diagnostics = PrometheusConfigCheck(lint: false, syntaxOnly: true)
                .run(text: text, file: file, directory: context.submission.root.path).diagnostics
            if let config = PrometheusConfig.parse(text, file: file).value {
                diagnostics += ruleFileDiagnostics(config, directory: directory, context: context)
            }
        case "rules":
            diagnostics = RuleFileCheck(lint: false).run(text: text, file: file).diagnostics
        case "alertmanager":
            diagnostics = AlertmanagerConfig.check(text: text, file: file, lint: false)
        case "compose":
            diagnostics = ComposeFile.load(text: text, file: file).diagnostics
        case "dashboard":
            diagnostics = GrafanaDashboard.load(text: text, file: file).diagnostics
        case "datasources":
            diagnostics = GrafanaProvisioning.check(text: text, file: file)
        default:
            throw GraderError("config_valid: unknown check \(kind)", location: check.parameterLocations["check"] ?? check.location)
        }
        let feedback = context.feedback(diagnostics)
        return feedback.isEmpty ? .passed() : .failed(feedback)
    }

    /// Each `rule_files` entry resolved inside the submission and checked as a rule file.
    func ruleFileDiagnostics(_ config: PrometheusConfig, directory: String, context: GradingContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for pattern in config.ruleFiles {
            let path = pattern.value
            let relative = directory.isEmpty ? path : directory + "/" + path
            let location = pattern.location
            if path.hasPrefix("/") || path.split(separator: "/").contains("..") {
                out.append(Diagnostic(.error, code: "grade/outside-lab",
                                      context.say("rule_files: \(path) leaves the lab folder"),
                                      at: location))
                continue
            }
            for file in SubmissionGlob.matches(relative, in: context.submission) {
                do {
                    let text = try context.submission.text(file)
                    out += RuleFileCheck(lint: false).run(text: text, file: file).diagnostics
                } catch let error as SubmissionError {
                    out.append(Diagnostic(.error, code: "grade/unreadable", error.message(context.language), at: location))
                } catch {
                    out.append(Diagnostic(.error, code: "grade/unreadable", "\(error)", at: location))
                }
            }
        }
        return out
    }
}
