import Diagnostics
import PromQL
import YAML

/// A students' answers file (`answers: {key: "query"}`): reading one answer with its position, and
/// parse errors placed at file:line:col.
enum AnswerFile {
    static func answer(_ key: String, in text: String, file: String,
                       language: GradingLanguage) -> Result<(query: String, location: SourceLocation), Feedback> {
        let say = language.say
        let documents: [YAMLDocument]
        do {
            documents = try YAMLParser().parse(text, file: file)
        } catch let error as YAMLError {
            return .failure(Feedback(error.message, location: error.location))
        } catch {
            return .failure(Feedback("\(error)", location: SourceLocation(file: file, line: 1, column: 1)))
        }
        var node = documents.first?.root
        for part in key.split(separator: ".") { node = node?[String(part)] }
        guard let node, let value = node.scalarValue else {
            return .failure(Feedback(say("\(file) has no answer \(key)"),
                                     location: SourceLocation(file: file, line: 1, column: 1)))
        }
        let query = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !query.isEmpty else {
            return .failure(Feedback(say("the answer \(key) is empty: write your query"),
                                     location: node.location))
        }
        var location = node.location
        if let style = node.scalar?.style, style.isQuotedOrBlock, value.contains("\n") == false { location.column += 1 }
        return .success((query, location))
    }

    /// Nil-equivalent success when `query` parses; a failure at the error's position otherwise.
    static func parse(_ query: String, at location: SourceLocation, language: GradingLanguage) -> Result<Void, Feedback> {
        do {
            _ = try Parser().parseExpr(query)
            return .success(())
        } catch let errors as ParseErrors {
            guard let issue = errors.first else { return .failure(Feedback("\(errors)", location: location)) }
            var at = location
            if issue.line <= 1 { at.column += issue.column - 1 } else { at.line += issue.line - 1; at.column = issue.column }
            return .failure(Feedback(language.say("PromQL parse error: \(issue.message)"),
                                     location: at, notes: issue.hints))
        } catch {
            return .failure(Feedback("\(error)", location: location))
        }
    }
}
