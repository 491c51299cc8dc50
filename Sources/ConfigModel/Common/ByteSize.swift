/// Parses byte sizes as Prometheus writes them (`0`, `512`, `10KB`, `1MiB`, `2GB`): base-2 units,
/// where `KB` and `KiB` both mean 1024 bytes.
public enum ByteSize {
    /// Why a size does not parse.
    public struct ParseError: Error, CustomStringConvertible {
        public var description: String
    }

    private static let units: [String: Int64] = [
        "": 1, "B": 1, "KB": 1 << 10, "KIB": 1 << 10, "MB": 1 << 20, "MIB": 1 << 20,
        "GB": 1 << 30, "GIB": 1 << 30, "TB": 1 << 40, "TIB": 1 << 40, "PB": 1 << 50, "PIB": 1 << 50,
        "EB": 1 << 60, "EIB": 1 << 60,
    ]

    /// The number of bytes `text` names, such as `64MiB` → 67108864.
    public static func parse(_ text: String) throws -> Int64 {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let unit = text.dropFirst(digits.count).uppercased()
        guard !digits.isEmpty, let number = Int64(digits), let size = units[unit] else {
            throw ParseError(description: "expected a number followed by B, KB, MB, GB, TB, PB or EB")
        }
        let (product, overflow) = number.multipliedReportingOverflow(by: size)
        if overflow { throw ParseError(description: "size out of range") }
        return product
    }
}
