/// A dynamically typed value seen by a template: Go's `interface{}` with the kinds templates meet.
///
/// Maps range in key order, as Go does. `object` stands for Go structs and named types with methods
/// (Alertmanager's `KV`, Prometheus's query samples); `time` for `time.Time`.
public enum TemplateValue: Sendable {
    /// Go's nil / missing value; an action prints it as `<no value>`.
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case list([TemplateValue])
    indirect case map(TemplateMap)
    case time(TemplateTime)
    case object(TemplateObject)

    // MARK: - Constructors

    /// A Go `map[string]string` (a missing key reads as `""` under `missingkey=zero`).
    public static func stringMap(_ dictionary: [String: String]) -> TemplateValue {
        .map(TemplateMap(dictionary.mapValues { .string($0) }, elementZero: .string(""), typeName: "map[string]string"))
    }

    /// A Go `[]string`.
    public static func stringList(_ strings: [String]) -> TemplateValue {
        .list(strings.map { .string($0) })
    }

    // MARK: - Go semantics

    /// Go's truth (`if`, `with`, `and`, `or`, `not`): false for nil, false, zero numbers, empty strings,
    /// lists and maps; true for structs and times.
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let f): return f != 0
        case .string(let s): return !s.isEmpty
        case .list(let l): return !l.isEmpty
        case .map(let m): return !m.entries.isEmpty
        case .time: return true
        case .object(let o): return o.underlying?.isTruthy ?? true
        }
    }

    /// The Go type name used in error messages and `%T`.
    public var goTypeName: String {
        switch self {
        case .null: return "<nil>"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float64"
        case .string: return "string"
        case .list(let l): return l.allSatisfy { if case .string = $0 { return true } else { return false } } && !l.isEmpty
            ? "[]string" : "[]interface {}"
        case .map(let m): return m.typeName
        case .time: return "time.Time"
        case .object(let o): return o.typeName
        }
    }

    /// The value with named types unwrapped to their underlying list or map.
    var underlying: TemplateValue {
        if case .object(let o) = self, let u = o.underlying { return u }
        return self
    }

    /// The string, if the value is one.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}

// MARK: - Literals

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .map(TemplateMap(Dictionary(elements, uniquingKeysWith: { _, last in last })))
    }
    public init(nilLiteral: ()) { self = .null }
}

// MARK: - Maps

/// A Go map with string keys. `elementZero` is what a missing key reads as under `missingkey=zero`
/// and through `index` (`""` for `map[string]string`, nil for `map[string]interface{}`).
public struct TemplateMap: Sendable {
    public var entries: [String: TemplateValue]
    public var elementZero: TemplateValue
    public var typeName: String

    public init(_ entries: [String: TemplateValue], elementZero: TemplateValue = .null,
                typeName: String = "map[string]interface {}") {
        self.entries = entries
        self.elementZero = elementZero
        self.typeName = typeName
    }

    /// Keys in Go's iteration order for templates (sorted).
    public var sortedKeys: [String] { entries.keys.sorted() }
}

// MARK: - Objects

/// A Go struct or named type: fields by name, methods callable from templates (`.Alerts.Firing`,
/// `.CommonLabels.Remove .GroupLabels.Names`), and for named maps or slices the underlying value
/// that `range`, `len` and `index` see.
public final class TemplateObject: Sendable {
    public let typeName: String
    /// Field names in declaration order (for `%v`).
    public let fieldOrder: [String]
    public let fields: [String: TemplateValue]
    public let methods: [String: TemplateMethod]
    public let underlying: TemplateValue?

    public init(typeName: String, fields: [(String, TemplateValue)] = [], methods: [String: TemplateMethod] = [:],
                underlying: TemplateValue? = nil) {
        self.typeName = typeName
        self.fieldOrder = fields.map(\.0)
        self.fields = Dictionary(fields, uniquingKeysWith: { _, last in last })
        self.methods = methods
        self.underlying = underlying
    }
}

/// A method of a `TemplateObject`: a closure over the receiver taking the call's arguments.
public struct TemplateMethod: Sendable {
    /// Number of arguments, or nil for variadic.
    public let arity: Int?
    public let call: @Sendable ([TemplateValue]) throws -> TemplateValue

    public init(arity: Int?, _ call: @escaping @Sendable ([TemplateValue]) throws -> TemplateValue) {
        self.arity = arity
        self.call = call
    }
}

/// An error raised by a template function or method; the executor adds the position.
public struct TemplateRuntimeError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
