import Diagnostics
import Foundation
import LabCatalog

/// `metric_exposed`, statically: the service's Python source declares the metric with the
/// prometheus_client constructor of its type (`Counter('name', …, ['label', …])`) and its labels.
/// The `_total` suffix the client adds to counters is accepted either way. A metric the lab's
/// Python does not declare but its scenario shows coming from another component is graded by its
/// wiring (see `MetricExposedCheck+Component.swift`).
public struct MetricExposedCheck: CheckEvaluator {
    public static let kind = CheckKind.metricExposed
    public init() {}

    static let constructors = ["counter": "Counter", "gauge": "Gauge", "histogram": "Histogram", "summary": "Summary"]

    public func evaluate(_ check: Check, in context: GradingContext) throws -> CheckVerdict {
        let metric = try check.required("metric")
        let files = check.string("file").map { [$0] } ?? context.spec.files.filter { $0.kind == .python }.map(\.path)
        guard !files.isEmpty else { throw GraderError("metric_exposed needs a file or a python file in the lab", location: check.location) }
        let bare = metric.hasSuffix("_total") && check.string("type") != "gauge" ? String(metric.dropLast(6)) : metric
        var unreadable: CheckVerdict?
        for file in files {
            let text: String
            switch context.read(file) {
            case .failure(let verdict): unreadable = unreadable ?? verdict; continue
            case .success(let t): text = t
            }
            guard let declaration = Self.declaration(of: [metric, bare], in: text, prefix: context.values["prefix"]) else { continue }
            let location = SourceLocation(file: file, line: declaration.line, column: declaration.column)
            var total = 1, met = 1
            var feedback: [Feedback] = []
            if let type = check.string("type"), let constructor = Self.constructors[type] {
                total += 1
                if declaration.constructor == constructor { met += 1 } else {
                    feedback.append(Feedback(context.say("\(metric) is declared as \(declaration.constructor ?? "?"); it must be a \(constructor)"),
                                             location: location))
                }
            }
            if let labels = check.list("labels"), !labels.isEmpty {
                total += 1
                let missing = labels.filter { label in
                    !declaration.call.contains("'\(label)'") && !declaration.call.contains("\"\(label)\"")
                }
                if missing.isEmpty { met += 1 } else {
                    feedback.append(Feedback(context.say("\(metric) lacks the labels \(missing.joined(separator: ", "))"), location: location))
                }
            }
            return .parts(met: met, of: total, feedback)
        }
        if let unreadable, files.count == 1 { return unreadable }
        if check.string("file") == nil, let name = check.string("scenario") {
            // Exposed by a component the student does not write (an exporter, k6): grade the wiring.
            let scenario = try context.scenario(name, for: check)
            if let series = scenario.series.first(where: { $0.labels["__name__"] == metric }) {
                return componentVerdict(metric, labels: series.labels, in: context)
            }
        }
        return .failed(Feedback(context.say("no metric \(metric) is declared in \(files.joined(separator: ", "))"),
                                location: SourceLocation(file: files[0], line: 1, column: 1)))
    }

    struct Declaration {
        var line: Int
        var column: Int
        var constructor: String?
        /// The text of the call, up to its closing parenthesis (bounded).
        var call: String
    }

    /// The literal spellings of metric `name` in Python source: `'name'`, `"name"` and, when `name`
    /// starts with the student's `prefix`, the f-strings that build it from a prefix variable
    /// (`f'{prefix}_requests_total'`, `f"{self.prefix}_requests_total"`).
    static func spellings(of name: String, prefix: String?) -> [String] {
        var out: [String] = []
        for quote in ["'", "\""] {
            out.append(quote + name + quote)
            if let prefix, !prefix.isEmpty, name.hasPrefix(prefix) {
                let rest = name.dropFirst(prefix.count)
                for variable in ["prefix", "self.prefix", "PREFIX", "METRIC_PREFIX"] {
                    out.append("f" + quote + "{" + variable + "}" + rest + quote)
                }
            }
        }
        return out
    }

    /// Finds one of the spellings of `names` (see ``spellings(of:prefix:)``) as the first argument
    /// of a call; the call's function name is the constructor.
    static func declaration(of names: [String], in text: String, prefix: String? = nil) -> Declaration? {
        let bytes = Array(text.utf8)
        for name in names {
            for spelling in spellings(of: name, prefix: prefix) {
                let needle = Array(spelling.utf8)
                var i = 0
                while i + needle.count <= bytes.count {
                    if bytes[i] == needle[0], Array(bytes[i..<(i + needle.count)]) == needle {
                        // Walk back over spaces and "(" to the function name.
                        var j = i - 1
                        while j >= 0, bytes[j] == 32 || bytes[j] == 10 || bytes[j] == 9 || bytes[j] == 13 { j -= 1 }
                        if j >= 0, bytes[j] == 40 {
                            var k = j - 1
                            while k >= 0, bytes[k] == 32 { k -= 1 }
                            var nameEnd = k + 1
                            while k >= 0, (bytes[k] >= 65 && bytes[k] <= 90) || (bytes[k] >= 97 && bytes[k] <= 122) || bytes[k] == 95 || bytes[k] == 46 { k -= 1 }
                            let fn = String(decoding: bytes[(k + 1)..<nameEnd], as: UTF8.self)
                            let constructor = fn.split(separator: ".").last.map(String.init)
                            nameEnd = min(bytes.count, i + 600)
                            var depth = 1, e = j + 1
                            while e < nameEnd, depth > 0 {
                                if bytes[e] == 40 { depth += 1 } else if bytes[e] == 41 { depth -= 1 }
                                e += 1
                            }
                            let call = String(decoding: bytes[j..<e], as: UTF8.self)
                            var line = 1, column = 1
                            for b in bytes[0..<i] { if b == 10 { line += 1; column = 1 } else { column += 1 } }
                            return Declaration(line: line, column: column, constructor: constructor, call: call)
                        }
                    }
                    i += 1
                }
            }
        }
        return nil
    }
}
