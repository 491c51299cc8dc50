import Foundation
import PromModel

// MARK: - Times

// Data files and `--max-input-size` are `DataFileInput`, shared with `labctl serve`.

extension QueryCommand {
    /// Milliseconds since the epoch from RFC 3339, Unix seconds (`1700000000.5`) or a duration (`5m`).
    static func parseTime(_ text: String) -> Int64? {
        if let seconds = Double(text), seconds.isFinite, abs(seconds) < 9.2e15 {
            return Int64((seconds * 1000).rounded())
        }
        if let d = try? PromModel.Duration.parse(text) { return d.milliseconds }
        for options in [ISO8601DateFormatter.Options.withInternetDateTime,
                        [.withInternetDateTime, .withFractionalSeconds]] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return Int64((date.timeIntervalSince1970 * 1000).rounded()) }
        }
        return nil
    }

    /// A time option, or a usage error naming it.
    static func time(_ arguments: ParsedArguments, _ name: String) throws -> Int64? {
        guard let text = arguments.value(name) else { return nil }
        guard let t = parseTime(text) else {
            throw CLIError.usage("invalid --\(name) \(text): expected RFC 3339, Unix seconds or a duration like 5m",
                                 commandPath: arguments.path.map(\.name))
        }
        return t
    }
}
