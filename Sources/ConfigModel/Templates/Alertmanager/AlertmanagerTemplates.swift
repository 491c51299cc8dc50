import GoCompat
import Foundation

/// Alertmanager's notification templates: its functions, a small built-in set of default templates
/// (our own versions, see `defaultTemplatesText`) and expansion of receiver fields.
public enum AlertmanagerTemplates {
    /// Alertmanager's template functions plus Go's builtins.
    public static let functions: FunctionSet = BuiltinFunctions.set.adding([
        TemplateFunction("toUpper", arguments: 1) { .string(try TemplateArguments.string($0, 0).uppercased()) },
        TemplateFunction("toLower", arguments: 1) { .string(try TemplateArguments.string($0, 0).lowercased()) },
        TemplateFunction("title", arguments: 1) { .string(TemplateStrings.title(try TemplateArguments.string($0, 0), lowerRest: true)) },
        TemplateFunction("trimSpace", arguments: 1) {
            .string(try TemplateArguments.string($0, 0).trimmingCharacters(in: .whitespacesAndNewlines))
        },
        TemplateFunction("join", arguments: 2) {
            .string(try TemplateArguments.stringList($0, 1).joined(separator: try TemplateArguments.string($0, 0)))
        },
        TemplateFunction("match", arguments: 2) { args in
            .bool(try TemplateRegexCache.shared.regex(try TemplateArguments.string(args, 0))
                .firstMatch(in: try TemplateArguments.string(args, 1)) != nil)
        },
        TemplateFunction("safeHtml", arguments: 1) { .string(try TemplateArguments.string($0, 0)) },
        TemplateFunction("safeUrl", arguments: 1) { .string(try TemplateArguments.string($0, 0)) },
        TemplateFunction("urlUnescape", arguments: 1) { args in
            let s = try TemplateArguments.string(args, 0)
            guard let decoded = s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
                throw TemplateRuntimeError("invalid URL escape \(GoQuoting.quote(s))")
            }
            return .string(decoded)
        },
        TemplateFunction("reReplaceAll", arguments: 3) { args in
            let pattern = try TemplateArguments.string(args, 0)
            do {
                return .string(try TemplateRegexCache.shared.regex(pattern)
                    .replaceAll(in: try TemplateArguments.string(args, 2), with: try TemplateArguments.string(args, 1)))
            } catch let e as TemplateArguments.TypeError {
                throw e
            } catch {
                throw TemplateRuntimeError("regexp: Compile(\(GoQuoting.quote(pattern))): \(error)")
            }
        },
        TemplateFunction("stringSlice", minArguments: 0, maxArguments: nil) { args in
            for a in args where a.stringValue == nil { throw TemplateArguments.wrongType(a, "string") }
            return .list(args)
        },
        TemplateFunction("date", arguments: 2) { args in
            let layout = try TemplateArguments.string(args, 0)
            guard case .time(let t) = args[1] else { throw TemplateArguments.wrongType(args[1], "time.Time") }
            return .string(GoTimeFormat.format(t, layout: layout))
        },
        TemplateFunction("tz", arguments: 2) { args in
            let name = try TemplateArguments.string(args, 0)
            guard case .time(var t) = args[1] else { throw TemplateArguments.wrongType(args[1], "time.Time") }
            if name == "UTC" || name.isEmpty { return .time(t.utc) }
            guard let zone = TimeZone(identifier: name) else { throw TemplateRuntimeError("unknown time zone \(name)") }
            let date = Date(timeIntervalSince1970: TimeInterval(t.unixSeconds))
            t.zoneOffset = zone.secondsFromGMT(for: date)
            t.zoneName = zone.abbreviation(for: date) ?? name
            return .time(t)
        },
        TemplateFunction("humanizeDuration", arguments: 1) {
            .string(PrometheusHumanize.humanizeDuration(try TemplateArguments.float($0, 0)))
        },
    ])

    /// The built-in template set: `defaultTemplatesText` parsed with Alertmanager's functions.
    public static func defaultTemplate() throws(TemplateError) -> Template {
        try Template.parse(defaultTemplatesText, name: "default.tmpl", functions: functions)
    }

    /// The defaults plus user template files (`templates:` in alertmanager.yml), in order.
    public static func template(files: [(name: String, text: String)]) throws(TemplateError) -> Template {
        var t = try defaultTemplate()
        for file in files { t = try t.adding(file.text, name: file.name) }
        return t
    }

    /// Alertmanager's execution options (`missingkey=zero`).
    public static let executionOptions = TemplateExecutionOptions(missingKey: .zero)

    /// Expands a receiver field (`'{{ template "slack.default.title" . }}'`) against `data`, with the
    /// named templates of `set` available (Alertmanager's `ExecuteTextString`).
    public static func expand(_ text: String, data: AlertmanagerTemplateData, in set: Template) throws(TemplateError) -> String {
        if !text.contains("{{") { return text }
        let name = "__text"
        return try set.adding(text, name: name).execute(templateNamed: name, data: data.templateValue, options: executionOptions)
    }
}
