import PromModel

/// Prometheus durations (`1m30s`) in milliseconds, for check parameters.
enum PromModelDuration {
    static func parse(_ text: String) throws -> Int64 { try PromModel.Duration.parse(text).milliseconds }

    /// `90000` → `1m30s`.
    static func format(_ ms: Int64) -> String { "\(PromModel.Duration(milliseconds: ms))" }
}
