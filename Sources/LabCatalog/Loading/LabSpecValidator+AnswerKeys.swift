import Diagnostics
import Foundation
import YAML

extension LabSpecValidator {
    /// A `promql` check reads the student's query at `key` (`answers.targets_up`) of its `answer`
    /// file: the key must exist in that file's template, or the student gets a file without the
    /// place to answer and the check can never pass. (Naming a file the lab does not produce is
    /// reported by the file-reference check.)
    func checkAnswerKeys(_ spec: LabSpec, _ out: inout [Diagnostic]) {
        guard let root = templatesRoot else { return }
        var values: [String: String] = [:]
        for p in spec.parameters { values[p.name] = p.example }
        var documents: [String: YAMLNode?] = [:]
        for exercise in spec.exercises {
            for check in exercise.checks where check.kind == .promql {
                guard let path = check.string("answer"), let key = check.string("key"), let file = spec.file(path) else {
                    continue
                }
                if documents[path] == nil {
                    let url = root.appendingPathComponent(file.template)
                    let text = (try? String(contentsOf: url, encoding: .utf8))
                        .flatMap { try? TemplateRenderer(values: values).render($0, file: url.path) }
                    documents[path] = text.flatMap {
                        YAMLParser().parseCollectingDiagnostics(YAMLInput(name: url.path, text: $0)).documents.first?.root
                    }
                }
                guard let document = documents[path] ?? nil else { continue }
                var node: YAMLNode? = document
                for part in key.split(separator: ".", omittingEmptySubsequences: false) {
                    node = node?[String(part)]
                }
                if node == nil {
                    out.append(.error(LabSpecDiagnosticCode.unknownAnswerKey,
                                      "promql check reads key \"\(key)\", which the template of \(path) (\(file.template)) does not have",
                                      at: check.parameterLocations["key"] ?? check.location))
                }
            }
        }
    }
}
