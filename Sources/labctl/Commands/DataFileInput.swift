import ConfigModel
import Exposition
import Foundation
import Runtime
import Storage

/// The `--data` files of `labctl query` and `labctl serve`: the `--max-input-size` option that bounds
/// them, and reading and loading one file under that bound. Both commands go through here, so the
/// flag, its errors and the parser's limits are the same for both.
enum DataFileInput {
    /// The default of `--max-input-size`: real OpenMetrics dumps run to hundreds of MB.
    static let defaultMaxInputSize = "1GiB"
    /// `--max-input-size SIZE`, in Prometheus's size syntax.
    static let maxInputSizeOption = OptionSpec.option("max-input-size", valueName: "SIZE",
                                                      help: "Largest data file read, such as 64MiB or 4GiB",
                                                      defaultValue: defaultMaxInputSize)

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

    /// Loads `input` into `storage`: test-script `load` blocks when the first command line starts with
    /// `load`, OpenMetrics text otherwise. At most `maxInputSize` bytes are read; a larger file is
    /// refused before it is read. Errors are thrown as failures that name the file (and the flag
    /// when the size is the problem).
    @discardableResult
    static func load(_ input: InputSource, into storage: any Appendable, maxInputSize: Int,
                     console: Console) throws -> DataFileLoader.Summary {
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
        do {
            return try DataFileLoader.load(text, file: input.displayName, into: storage, limits: limits(maxInputSize))
        } catch let error as DataFileLoader.LoadError {
            throw CLIError.failure(error.description)
        }
    }

    /// The exposition parser's size and sample bounds for a data file of at most `maxInputSize` bytes.
    static func limits(_ maxInputSize: Int) -> ExpositionLimits {
        let defaults = ExpositionLimits.default
        return ExpositionLimits(maxBytes: max(maxInputSize, defaults.maxBytes),
                                maxLineLength: defaults.maxLineLength,
                                maxLabelsPerSample: defaults.maxLabelsPerSample,
                                maxSamples: max(defaults.maxSamples, maxInputSize / 8))
    }

    /// A power-of-two size in GiB or MiB at least as large as `bytes`, for the error message.
    private static func suggestedSize(_ bytes: Int) -> String {
        var mib = 64
        while mib << 20 < bytes, mib < 1 << 30 { mib *= 2 }
        return mib >= 1024 ? "\(mib / 1024)GiB" : "\(mib)MiB"
    }
}
