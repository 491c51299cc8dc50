import Diagnostics

/// A name that uses a scaled unit instead of the base unit Prometheus recommends.
///
/// Triggers: `request_duration_milliseconds`, `payload_kilobytes`.
/// Does not trigger: `request_duration_seconds`, `payload_bytes`.
public struct NonBaseUnitLint: MetricsLint {
    public init() {}
    public var code: String { "metrics-lint/non-base-unit" }
    public var summary: String { "metric names should use base units (seconds, bytes, meters...)" }

    /// Scaled unit word → base unit.
    static let units: [String: String] = [
        "nanoseconds": "seconds", "microseconds": "seconds", "milliseconds": "seconds",
        "minutes": "seconds", "hours": "seconds", "days": "seconds", "weeks": "seconds",
        "kilobytes": "bytes", "megabytes": "bytes", "gigabytes": "bytes", "terabytes": "bytes",
        "petabytes": "bytes", "kibibytes": "bytes", "mebibytes": "bytes", "gibibytes": "bytes",
        "bits": "bytes", "kilobits": "bytes", "megabits": "bytes",
        "millimeters": "meters", "centimeters": "meters", "kilometers": "meters",
        "grams": "kilograms", "milligrams": "kilograms", "fahrenheit": "celsius",
        "millivolts": "volts", "milliamperes": "amperes", "kilowatts": "watts", "milliwatts": "watts",
    ]

    public func check(_ family: MetricFamily, in context: MetricsLintContext) -> [Diagnostic] {
        for word in Self.words(family.name) {
            if let base = Self.units[word.lowercased()] {
                return [context.warning(self, family,
                                        "\(family.name): use base unit \"\(base)\" instead of \"\(word)\"")]
            }
        }
        return []
    }
}
