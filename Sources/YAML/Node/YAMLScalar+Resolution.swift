// MARK: - Core schema resolution

extension YAMLScalar {
    /// The type this scalar has under the core schema, given its explicit tag (if any).
    public func resolvedType(tag: String?) -> YAMLResolvedType {
        if let tag {
            switch tag {
            case "!", YAMLTag.str: return .string
            case YAMLTag.int: return .int
            case YAMLTag.float: return .float
            case YAMLTag.bool: return .bool
            case YAMLTag.null: return .null
            default: return .custom(tag)
            }
        }
        if style != .plain { return .string }
        return Self.resolvePlain(value)
    }

    /// The core-schema type of `text` written as a plain scalar.
    public static func resolvePlain(_ text: String) -> YAMLResolvedType {
        var text = text
        return text.withUTF8 { resolvePlain(bytes: $0) }
    }

    static func resolvePlain(bytes b: UnsafeBufferPointer<UInt8>) -> YAMLResolvedType {
        guard let first = b.first else { return .null }
        // Fast exit: most strings start with a letter that cannot begin a non-string value.
        switch first {
        case UInt8(ascii: "~"): return b.count == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return isOneOf(b, ["null", "Null", "NULL"]) ? .null : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return isOneOf(b, ["true", "True", "TRUE"]) ? .bool : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return isOneOf(b, ["false", "False", "FALSE"]) ? .bool : .string
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            if isInt(b) { return .int }
            if isFloat(b) { return .float }
            return .string
        default:
            return .string
        }
    }

    private static func isOneOf(_ b: UnsafeBufferPointer<UInt8>, _ words: [StaticString]) -> Bool {
        for w in words where w.utf8CodeUnitCount == b.count {
            if memcmpEqual(b, w) { return true }
        }
        return false
    }

    private static func memcmpEqual(_ b: UnsafeBufferPointer<UInt8>, _ w: StaticString) -> Bool {
        let p = w.utf8Start
        for i in 0..<b.count where b[i] != p[i] { return false }
        return true
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func isHex(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)
    }

    static func isInt(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        if b.count > 2, b[0] == UInt8(ascii: "0") {
            let rest = b[2...]
            switch b[1] {
            case UInt8(ascii: "x"): return rest.allSatisfy(isHex)
            case UInt8(ascii: "o"): return rest.allSatisfy { $0 >= 0x30 && $0 <= 0x37 }
            case UInt8(ascii: "b"): return rest.allSatisfy { $0 == 0x30 || $0 == 0x31 }
            default: break
            }
        }
        var i = 0
        if b[0] == UInt8(ascii: "+") || b[0] == UInt8(ascii: "-") { i = 1 }
        guard i < b.count else { return false }
        return b[i...].allSatisfy(isDigit)
    }

    static func isFloat(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if b[0] == UInt8(ascii: "+") || b[0] == UInt8(ascii: "-") { i = 1 }
        let body = UnsafeBufferPointer(rebasing: b[i...])
        if isOneOf(body, [".inf", ".Inf", ".INF"]) { return true }
        if i == 0, isOneOf(body, [".nan", ".NaN", ".NAN"]) { return true }
        // [0-9]* ( \. [0-9]* )? ( [eE] [-+]? [0-9]+ )?  with at least one digit before the exponent
        var digits = 0
        while i < b.count, isDigit(b[i]) { i += 1; digits += 1 }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, isDigit(b[i]) { i += 1; digits += 1 }
        }
        guard digits > 0 else { return false }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            var exp = 0
            while i < b.count, isDigit(b[i]) { i += 1; exp += 1 }
            guard exp > 0 else { return false }
        }
        return i == b.count
    }

    // MARK: - Value conversion

    /// The integer value of a core-schema integer literal (`12`, `-3`, `0x1F`, `0o17`, `0b101`);
    /// `nil` when the text is not one or does not fit in `Int`.
    public static func intValue(_ text: String) -> Int? {
        var negative = false
        var body = Substring(text)
        if body.hasPrefix("+") { body = body.dropFirst() } else if body.hasPrefix("-") {
            negative = true
            body = body.dropFirst()
        }
        var radix = 10
        if body.hasPrefix("0x") { radix = 16 } else if body.hasPrefix("0o") { radix = 8 } else if body.hasPrefix("0b") {
            radix = 2
        }
        if radix != 10 { body = body.dropFirst(2) }
        guard !body.isEmpty, !body.hasPrefix("+"), !body.hasPrefix("-") else { return nil }
        guard let magnitude = UInt64(body, radix: radix) else { return nil }
        if negative {
            if magnitude == UInt64(Int.max) + 1 { return Int.min }
            return magnitude <= UInt64(Int.max) ? -Int(magnitude) : nil
        }
        return magnitude <= UInt64(Int.max) ? Int(magnitude) : nil
    }

    /// The value of a core-schema float (or integer) literal, including `.inf`, `-.inf` and `.nan`.
    public static func doubleValue(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        switch resolvePlain(text) {
        case .float: return Double(text)
        case .int: return intValue(text).map(Double.init) ?? Double(text)
        default: return nil
        }
    }

    /// The value of a boolean. Accepts the core-schema forms and, when `yaml11` is set,
    /// the YAML 1.1 words `yes/no/on/off` in their three casings.
    public static func boolValue(_ text: String, yaml11: Bool = true) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: break
        }
        guard yaml11 else { return nil }
        switch text {
        case "yes", "Yes", "YES", "on", "On", "ON": return true
        case "no", "No", "NO", "off", "Off", "OFF": return false
        default: return nil
        }
    }
}
