import ConfigModel
import Diagnostics

/// Loading a student's rule file for a check, and saying a rule is missing.
enum RuleFileLookup {
    static func load(_ text: String, file: String, context: GradingContext) -> (file: RuleFile?, feedback: [Feedback]) {
        let loaded = RuleFile.parse(text, file: file)
        let feedback = context.feedback(loaded.diagnostics)
        return (feedback.isEmpty ? loaded.value : nil, feedback)
    }

    static func missing(_ name: String, in file: RuleFile, file path: String, context: GradingContext) -> Feedback {
        let names = file.rules.map(\.name)
        let close = names.first { $0.lowercased() == name.lowercased() }
        var notes: [String] = []
        if let close { notes.append(context.say("did you mean \(name) instead of \(close)?")) }
        return Feedback(context.say("\(path) does not define the rule \(name)"),
                        location: SourceLocation(file: path, line: 1, column: 1), notes: notes)
    }
}
