import ConfigModel
import Diagnostics
import Exposition
import Foundation
import PromModel
import Storage
import Runtime

// MARK: - Data files and times

extension QueryCommand {
    /// Loads `input` into `storage`: test-script `load` blocks when the first command line starts with
    /// `load`, OpenMetrics text otherwise. Errors are printed as diagnostics and thrown as failures.
    /// At most `maxInputSize` bytes are read.
    static func loadData(_ input: InputSource, into storage: MemoryStorage, maxInputSize: Int,
                         console: Console) throws {
        if case .file(let path) = input,
           let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxInputSize {
            throw CLIError.failure("\(path): the data file has \(size) bytes, more than --max-input-size "
                                   + "(\(maxInputSize) bytes); raise it, e.g. --max-input-size \(suggestedSize(size))")
        }
        let text: String
        do {
            text = try input.readText(using: console, limit: maxInputSize)
        } catch let error as CLIError where input == .standardInput {
            throw CLIError.failure("\(input.displayName): \(error.message) (--max-input-size)")
        }
        // The exposition parser's own size and sample bounds follow the flag.
        let defaults = ExpositionLimits.default
        let limits = ExpositionLimits(maxBytes: max(maxInputSize, defaults.maxBytes),
                                      maxLineLength: defaults.maxLineLength,
                                      maxLabelsPerSample: defaults.maxLabelsPerSample,
                                      maxSamples: max(defaults.maxSamples, maxInputSize / 8))
        do {
            try DataFileLoader.load(text, file: input.displayName, into: storage, limits: limits)
        } catch let error as DataFileLoader.LoadError {
            throw CLIError.failure(error.description)
        }
    }

    /// `--max-input-size` in bytes, or a usage error naming the flag.
    static func maxInputSize(_ arguments: ParsedArguments) throws -> Int {
        let text = arguments.value("max-input-size") ?? defaultMaxInputSize
        let problem: String
        do {
            let size = try ByteSize.parse(text)
            if size > 0, size <= Int64(Int.max) { return Int(size) }
            problem = "the size must be more than 0"
        } catch {
            problem = "\(error)"
        }
        throw CLIError.usage("invalid --max-input-size \(text): \(problem) (for example 64MiB or 2GiB)",
                             commandPath: arguments.path.map(\.name))
    }

    /// A power-of-two size in GiB or MiB at least as large as `bytes`, for the error message.
    private static func suggestedSize(_ bytes: Int) -> String {
        var mib = 64
        while mib << 20 < bytes, mib < 1 << 30 { mib *= 2 }
        return mib >= 1024 ? "\(mib / 1024)GiB" : "\(mib)MiB"
    }

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
