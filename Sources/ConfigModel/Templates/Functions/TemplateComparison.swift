/// Go's template comparison rules: values of the same basic kind compare; an int and a float do not
/// ("incompatible types for comparison"); nil equals only nil.
enum TemplateComparison {
    private enum Kind { case bool, int, float, string, other, invalid }

    private static func kind(_ v: TemplateValue) -> Kind {
        switch v {
        case .null: return .invalid
        case .bool: return .bool
        case .int: return .int
        case .float: return .float
        case .string: return .string
        default: return .other
        }
    }

    static func equal(_ a: TemplateValue, _ b: TemplateValue) throws -> Bool {
        let ka = kind(a), kb = kind(b)
        if ka != kb {
            if ka == .invalid || kb == .invalid { return false }
            throw TemplateRuntimeError("incompatible types for comparison")
        }
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.null, .null): return true
        case (.time(let x), .time(let y)): return x == y
        default:
            throw TemplateRuntimeError("non-comparable type \(GoValueFormatter.plain(a)): \(a.goTypeName)")
        }
    }

    static func less(_ a: TemplateValue, _ b: TemplateValue) throws -> Bool {
        let ka = kind(a), kb = kind(b)
        if ka == .other || ka == .invalid || kb == .other || kb == .invalid {
            throw TemplateRuntimeError("invalid type for comparison")
        }
        if ka != kb { throw TemplateRuntimeError("incompatible types for comparison") }
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.float(let x), .float(let y)): return x < y
        case (.string(let x), .string(let y)): return Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
        default: throw TemplateRuntimeError("invalid type for comparison")
        }
    }
}
