import Exposition
import PromModel
import Storage

/// Loads a data file into a storage, as `labctl query --data` and `labctl serve --data` read them:
/// a PromQL test script's `load` blocks when its first command line starts with `load`, OpenMetrics
/// text otherwise.
public enum DataFileLoader {
    /// What a data file added.
    public struct Summary: Hashable, Sendable {
        /// Samples appended (staleness markers included).
        public var samples: Int
        /// `true` for a test script, `false` for OpenMetrics.
        public var wasTestScript: Bool
    }

    /// Why a data file was refused: the message starts with `file:line:` where a line is known.
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Appends the samples of `text` (the content of `file`) to `storage`.
    /// - Throws: ``LoadError`` for a syntax error, a `clear` command, or a sample the storage refused.
    @discardableResult
    public static func load(_ text: String, file: String, into storage: any Appendable,
                            limits: ExpositionLimits = .default) throws -> Summary {
        do {
            if isLoadScript(text) {
                let script = try PromQLTestParser().parse(text, file: file)
                var samples = 0
                for command in script.commands {
                    switch command {
                    case .load(let load): samples += try load.append(to: storage).samples
                    case .clear: throw LoadError(description: "\(file): \"clear\" is not allowed in a data file")
                    case .eval: continue
                    }
                }
                return Summary(samples: samples, wasTestScript: true)
            }
            let summary = try OpenMetricsBackfill.load(text, file: file, into: storage, limits: limits)
            return Summary(samples: summary.samples, wasTestScript: false)
        } catch let error as LoadError {
            throw error
        } catch let error as PromQLTestError {
            throw LoadError(description: error.description)
        } catch let error as PromQLTestLoadError {
            throw LoadError(description: "\(file):\(error.line): \(error.message)")
        } catch let error as ExpositionError {
            throw LoadError(description: error.description)
        } catch {
            throw LoadError(description: "\(file): \(error)")
        }
    }

    /// Whether the first line that is neither blank nor a comment is a `load` command.
    /// Looks at lines only until that one: a data file is not split as a whole.
    public static func isLoadScript(_ text: String) -> Bool {
        var start = text.startIndex
        while start < text.endIndex {
            let end = text[start...].utf8.firstIndex(of: 10) ?? text.endIndex
            let trimmed = text[start..<end].drop { $0 == " " || $0 == "\t" }
            start = end < text.endIndex ? text.utf8.index(after: end) : end
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.allSatisfy(\.isWhitespace) { continue }
            return trimmed.hasPrefix("load ") || trimmed.hasPrefix("load\t") || trimmed.hasPrefix("load_with_nhcb")
        }
        return false
    }
}
