import GoCompat

/// Conversions of function arguments to the Go parameter types functions expect, with Go's messages.
enum TemplateArguments {
    /// An argument of the wrong type: reported as Go does, without the `error calling` prefix.
    struct TypeError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static func wrongType(_ value: TemplateValue?, _ expected: String) -> TypeError {
        TypeError(message: "wrong type for value; expected \(expected); got \((value ?? .null).goTypeName)")
    }

    static func string(_ args: [TemplateValue], _ i: Int) throws -> String {
        guard i < args.count, case .string(let s) = args[i] else { throw wrongType(i < args.count ? args[i] : nil, "string") }
        return s
    }

    static func int(_ args: [TemplateValue], _ i: Int) throws -> Int {
        guard i < args.count, case .int(let n) = args[i] else { throw wrongType(i < args.count ? args[i] : nil, "int") }
        return n
    }

    /// A `[]string` argument.
    static func stringList(_ args: [TemplateValue], _ i: Int) throws -> [String] {
        let value = i < args.count ? args[i].underlying : .null
        guard case .list(let items) = value else { throw wrongType(value, "[]string") }
        var out: [String] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard case .string(let s) = item else { throw wrongType(value, "[]string") }
            out.append(s)
        }
        return out
    }

    /// Prometheus's `convertToFloat`: floats, ints and numeric strings.
    static func float(_ args: [TemplateValue], _ i: Int) throws -> Double {
        let value = i < args.count ? args[i] : .null
        switch value {
        case .float(let f): return f
        case .int(let n): return Double(n)
        case .string(let s):
            guard let f = GoParseFloat.parse(s) else {
                throw TemplateRuntimeError("strconv.ParseFloat: parsing \(GoQuoting.quote(s)): invalid syntax")
            }
            return f
        default:
            throw TemplateRuntimeError("can't convert \(value.goTypeName) to float")
        }
    }
}

/// Go's `strconv.ParseFloat` for the forms people write: decimals, exponents, `Inf`, `NaN`, hex ints.
enum GoParseFloat {
    static func parse(_ text: String) -> Double? {
        let lower = text.lowercased()
        switch lower {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan": return .nan
        default: break
        }
        guard !lower.isEmpty, lower.allSatisfy({ $0.isASCII && ($0.isHexDigit || "+-._xp".contains($0)) }) else { return nil }
        if lower.contains("x") {
            if case .int(let n)? = TemplateNumber.parse(lower) { return Double(n) }
            return nil
        }
        guard !lower.contains("_") else { return nil }
        return Double(lower)
    }
}
