import Foundation

/// A number literal of the template language, typed as Go's `evalEmptyInterface` does: a float when the
/// text has a fraction or exponent (`1.5`, `1e3`), an int otherwise (`42`, `0x1F`, `0o17`, `'a'`).
enum TemplateNumber {
    /// The literal's value, or nil when the text is not a valid Go number.
    static func parse(_ text: String) -> TemplateValue? {
        var body = Substring(text)
        var negative = false
        if body.hasPrefix("+") || body.hasPrefix("-") {
            negative = body.hasPrefix("-")
            body = body.dropFirst()
        }
        guard !body.isEmpty else { return nil }
        let lower = body.lowercased()
        var radix = 10
        var digits = Substring(lower)
        if lower.hasPrefix("0x") { radix = 16; digits = digits.dropFirst(2) }
        else if lower.hasPrefix("0o") { radix = 8; digits = digits.dropFirst(2) }
        else if lower.hasPrefix("0b") { radix = 2; digits = digits.dropFirst(2) }
        let isFloat = radix == 10 && (lower.contains(".") || lower.contains("e"))
        if radix != 10 || !isFloat {
            if radix == 10, digits.count > 1, digits.hasPrefix("0") { radix = 8; digits = digits.dropFirst() }
            if digits.hasPrefix("_") && radix != 10 { digits = digits.dropFirst() }
            guard !digits.isEmpty, !digits.hasPrefix("_"), !digits.hasSuffix("_"), !digits.contains("__") else { return nil }
            let clean = digits.replacingOccurrences(of: "_", with: "")
            guard let magnitude = UInt64(clean, radix: radix) else {
                guard radix == 10, let d = Double(clean) else { return nil }
                return .float(negative ? -d : d)
            }
            if negative {
                if magnitude <= UInt64(Int64.max) { return .int(-Int(magnitude)) }
                if magnitude == UInt64(Int64.max) + 1 { return .int(Int.min) }
                return .float(-Double(magnitude))
            }
            if magnitude <= UInt64(Int64.max) { return .int(Int(magnitude)) }
            return .float(Double(magnitude))
        }
        guard !lower.hasPrefix("_"), !lower.hasSuffix("_"), !lower.contains("__"),
              lower.first != "e", let last = lower.last, last != "e", last != "+", last != "-",
              lower.allSatisfy({ $0.isNumber || $0 == "." || $0 == "e" || $0 == "+" || $0 == "-" || $0 == "_" }),
              lower.filter({ $0 == "." }).count <= 1 else { return nil }
        let clean = lower.replacingOccurrences(of: "_", with: "")
        guard let d = Double(clean) else { return nil }
        return .float(negative ? -d : d)
    }
}
