import YAML

/// The query parameters of one demo-app request, read as FastAPI reads typed query parameters:
/// the last value of a repeated name wins, a value that is not of the declared type or is outside
/// the app's bounds is a validation error, and all errors of a request are answered together as
/// a 422 with FastAPI's (pydantic 2) `{"detail": [...]}` body.
struct QueryParameters {
    private let values: [String: String]
    private(set) var errors: [String] = []

    init(_ items: [(name: String, value: String)]) {
        var values: [String: String] = [:]
        for item in items { values[item.name] = item.value }
        self.values = values
    }

    /// An integer parameter (default when absent), bounded by `range`.
    mutating func int(_ name: String, default value: Int, range: ClosedRange<Int>) -> Int {
        guard let text = values[name] else { return value }
        guard let parsed = Self.parseInt(text) else {
            errors.append(Self.error("int_parsing", name, "Input should be a valid integer, unable to parse string as an integer", text))
            return value
        }
        return bounded(parsed, name, text, range: range)
    }

    /// A number parameter (default when absent), bounded by `range`.
    mutating func double(_ name: String, default value: Double, range: ClosedRange<Double>? = nil) -> Double {
        guard let text = values[name] else { return value }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let parsed = Double(trimmed.lowercased() == "infinity" ? "inf" : trimmed) else {
            errors.append(Self.error("float_parsing", name, "Input should be a valid number, unable to parse string as a number", text))
            return value
        }
        if let range, !(parsed >= range.lowerBound) {
            errors.append(Self.error("greater_than_equal", name, "Input should be greater than or equal to \(range.lowerBound)", text,
                                     context: "\"ge\":\(range.lowerBound)"))
            return value
        }
        if let range, !(parsed <= range.upperBound) {
            errors.append(Self.error("less_than_equal", name, "Input should be less than or equal to \(range.upperBound)", text,
                                     context: "\"le\":\(range.upperBound)"))
            return value
        }
        return parsed
    }

    /// A required string parameter of at most `maxLength` characters.
    mutating func requiredString(_ name: String, maxLength: Int) -> String? {
        guard let text = values[name] else {
            errors.append("{\"type\":\"missing\",\"loc\":[\"query\",\(JSONWriter.quote(name))],\"msg\":\"Field required\",\"input\":null}")
            return nil
        }
        guard text.count <= maxLength else {
            errors.append(Self.error("string_too_long", name, "String should have at most \(maxLength) characters",
                                     String(text.prefix(maxLength)), context: "\"max_length\":\(maxLength)"))
            return nil
        }
        return text
    }

    private mutating func bounded(_ parsed: Int, _ name: String, _ text: String, range: ClosedRange<Int>) -> Int {
        if parsed < range.lowerBound {
            errors.append(Self.error("greater_than_equal", name, "Input should be greater than or equal to \(range.lowerBound)", text,
                                     context: "\"ge\":\(range.lowerBound)"))
            return range.lowerBound
        }
        if parsed > range.upperBound {
            errors.append(Self.error("less_than_equal", name, "Input should be less than or equal to \(range.upperBound)", text,
                                     context: "\"le\":\(range.upperBound)"))
            return range.upperBound
        }
        return parsed
    }

    /// The 422 response for the errors, or nil when there are none.
    var failure: HTTPServerResponse? {
        errors.isEmpty ? nil : .json(422, "{\"detail\":[" + errors.joined(separator: ",") + "]}")
    }

    /// An integer as pydantic reads one from a string: optional sign, digits, optional `.0…`.
    static func parseInt(_ text: String) -> Int? {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        if let dot = body.firstIndex(of: ".") {
            guard body[body.index(after: dot)...].allSatisfy({ $0 == "0" }) else { return nil }
            body = body[..<dot]
        }
        guard body.count <= 19 else { return nil }
        return Int(body)
    }

    private static func error(_ type: String, _ name: String, _ message: String, _ input: String, context: String? = nil) -> String {
        var text = "{\"type\":\"\(type)\",\"loc\":[\"query\",\(JSONWriter.quote(name))],\"msg\":\(JSONWriter.quote(message)),"
        text += "\"input\":\(JSONWriter.quote(String(input.prefix(256))))"
        if let context { text += ",\"ctx\":{\(context)}" }
        return text + "}"
    }
}
