import Diagnostics
import Foundation
import YAML

// MARK: - Loading

extension RuleFile {
    /// Parses, decodes and validates rule file text (every error, each with its position).
    public static func parse(_ text: String, file: String) -> ConfigLoadResult<RuleFile> {
        parse(YAMLInput(name: file, text: text), text: text)
    }

    /// Reads `path` (`-` for standard input) and checks it like ``parse(_:file:)``.
    public static func load(path: String) -> ConfigLoadResult<RuleFile> {
        do {
            let input = try YAMLInput.read(path: path)
            return parse(input, text: String(decoding: input.bytes, as: UTF8.self))
        } catch let error as YAMLError {
            return ConfigLoadResult(value: nil, diagnostics: error.diagnostics)
        } catch {
            return ConfigLoadResult(value: nil, diagnostics: [.error(YAMLDiagnosticCode.io, "\(path): \(error)")])
        }
    }

    static func parse(_ input: YAMLInput, text: String) -> ConfigLoadResult<RuleFile> {
        let parsed = YAMLParser().parseCollectingDiagnostics(input)
        var ctx = YAMLDecodingContext()
        for d in parsed.diagnostics { ctx.report(d) }
        if parsed.hasErrors { return ConfigLoadResult(value: nil, diagnostics: ctx.diagnostics) }
        guard let root = parsed.documents.first?.root else {
            return ConfigLoadResult(value: RuleFile(file: input.name), diagnostics: ctx.diagnostics)
        }
        if parsed.documents.count > 1, let second = parsed.documents.dropFirst().first?.root {
            ctx.warning(RulesCode.multipleDocuments,
                        "the file holds \(parsed.documents.count) YAML documents; Prometheus reads only the first",
                        at: second)
        }
        let file = decode(root, lines: RuleFileLines(text: text), &ctx)
        return ConfigLoadResult(value: file, diagnostics: ctx.diagnostics)
    }
}
