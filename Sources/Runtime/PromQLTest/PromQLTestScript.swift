import PromModel
import Storage
import PromQL

/// A parsed PromQL test script (the `promqltest` language of Prometheus): loads, clears and evals
/// in file order. Parse one with `PromQLTestParser`, run it with `PromQLTestRunner`.
public struct PromQLTestScript: Sendable {
    /// The file name used in messages.
    public var file: String
    public var commands: [PromQLTestCommand]

    public init(file: String, commands: [PromQLTestCommand]) {
        self.file = file
        self.commands = commands
    }

    /// The eval commands, in order.
    public var evals: [PromQLTestEval] {
        commands.compactMap { if case .eval(let e) = $0 { return e } else { return nil } }
    }
}

/// One command of a test script.
public enum PromQLTestCommand: Sendable {
    case load(PromQLTestLoad)
    /// `clear`: drop all loaded data (line number).
    case clear(line: Int)
    case eval(PromQLTestEval)
}

/// `load <step>` / `load_with_nhcb <step>` and its series lines.
public struct PromQLTestLoad: Sendable {
    /// One series line: value `i` is at `i * step` milliseconds.
    public struct Series: Sendable {
        public var line: Int
        public var labels: Labels
        public var values: [SeriesValue]
        /// From a preceding `@st` line: the start timestamp of value `i` is its time plus `startOffsets[i]`
        /// (`nil` entries and positions past the end have none).
        public var startOffsets: [Int64?]?

        public init(line: Int, labels: Labels, values: [SeriesValue]) {
            self.line = line
            self.labels = labels
            self.values = values
        }
    }

    public var line: Int
    /// The step between values, in milliseconds.
    public var step: Int64
    /// `load_with_nhcb`: classic histograms are also loaded as native histograms with custom buckets.
    public var withNHCB: Bool
    public var series: [Series]
    /// How many `metric@st …` start-timestamp lines were read.
    public var startTimestampLines: Int

    public init(line: Int, step: Int64, withNHCB: Bool, series: [Series], startTimestampLines: Int = 0) {
        self.line = line
        self.step = step
        self.withNHCB = withNHCB
        self.series = series
        self.startTimestampLines = startTimestampLines
    }
}
