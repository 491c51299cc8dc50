/// Validation of metric and label names, legacy (`[a-zA-Z_:][a-zA-Z0-9_:]*`) and UTF-8.
public enum LabelNames {
    /// `[a-zA-Z_:][a-zA-Z0-9_:]*`
    public static func isValidLegacyMetricName(_ name: String) -> Bool {
        guard !name.isEmpty else { return false }
        for (i, b) in name.utf8.enumerated() {
            let letter = (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95 || b == 58
            let digit = b >= 48 && b <= 57
            if i == 0 ? !letter : !(letter || digit) { return false }
        }
        return true
    }

    /// `[a-zA-Z_][a-zA-Z0-9_]*`
    public static func isValidLegacyLabelName(_ name: String) -> Bool {
        guard !name.isEmpty else { return false }
        for (i, b) in name.utf8.enumerated() {
            let letter = (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95
            let digit = b >= 48 && b <= 57
            if i == 0 ? !letter : !(letter || digit) { return false }
        }
        return true
    }

    /// Prometheus 3.x UTF-8 names: any non-empty valid UTF-8 string (Swift strings always are).
    public static func isValidUTF8Name(_ name: String) -> Bool { !name.isEmpty }

    /// Label names starting with `__` are reserved for internal use.
    public static func isReserved(_ name: String) -> Bool { name.hasPrefix("__") }
}
