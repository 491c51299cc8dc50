import CYAML
import Diagnostics

// MARK: - libyaml errors

extension YAMLTreeBuilder {
    /// Turns the parser's error state into a diagnostic with a position and, where it helps, a hint.
    mutating func reportLibyamlError(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        switch parser.error {
        case YAML_READER_ERROR:
            let at = UTF8Scanner.location(ofByteOffset: Int(clamping: parser.problem_offset), in: source, file: file)
            let code = problem.contains("UTF") ? YAMLDiagnosticCode.invalidUTF8 : YAMLDiagnosticCode.invalidCharacter
            var message = problem
            if parser.problem_value >= 0, problem.contains("control") || problem.contains("Unicode") {
                message += " (U+\(String(parser.problem_value, radix: 16, uppercase: true)))"
            }
            fail(code, message, at: at)
        case YAML_MEMORY_ERROR:
            fail(YAMLDiagnosticCode.tooLarge, "out of memory while parsing YAML", at: nil)
        default:
            let at = location(parser.problem_mark)
            var notes: [Diagnostic.Note] = []
            if let context = parser.context.map({ String(cString: $0) }) {
                notes.append(Diagnostic.Note("\(context) started here", at: location(parser.context_mark)))
            }
            if let hint = tabHint(near: at) { notes.append(Diagnostic.Note(hint, at: nil)) }
            fail(YAMLDiagnosticCode.syntax, problem, at: at, notes: notes)
        }
    }

    /// A hint when the error line, or the line before it, is indented with a tab.
    private func tabHint(near at: SourceLocation) -> String? {
        for line in [at.line, at.line - 1] where line >= 1 {
            guard let text = UTF8Scanner.lineText(line, in: source) else { continue }
            let indent = text.prefix { $0 == " " || $0 == "\t" }
            if indent.contains("\t") {
                return "line \(line) is indented with a tab; YAML only allows spaces for indentation"
            }
        }
        return nil
    }
}
