import PromModel
import Storage
import PromQL

/// Runs parsed test scripts against the PromQL engine over a fresh `MemoryStorage`, as Prometheus's
/// `promqltest` does, including its extra checks on instant evals: re-running with `@ <t>` on every
/// selector at other evaluation times, and as a range query from t-1m to t+1m.
///
/// Native histograms are loaded and evaluated; evals that select series loaded with histograms or
/// expect histograms are "needing native histograms" (skipped with `Options.skipNativeHistograms`,
/// and their failures are marked so).
public struct PromQLTestRunner: Sendable {
    /// How scripts are run.
    public struct Options: Sendable {
        /// Skip evals that need native histograms.
        public var skipNativeHistograms: Bool
        /// Only run evals whose expression matches this pattern somewhere (RE2); others are not reported.
        public var filter: PromQLTestMessageMatch?
        public var engineOptions: EngineOptions
        /// Run upstream's extra `@` and range-mode checks on instant evals.
        public var extraChecks: Bool

        public init(skipNativeHistograms: Bool = false, filter: PromQLTestMessageMatch? = nil,
                    engineOptions: EngineOptions = .conformance, extraChecks: Bool = true) {
            self.skipNativeHistograms = skipNativeHistograms
            self.filter = filter
            self.engineOptions = engineOptions
            self.extraChecks = extraChecks
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Runs every command of `script` in order and reports each eval.
    public func run(_ script: PromQLTestScript) -> PromQLTestFileReport {
        var state = PromQLTestRunState(options: options)
        var cases: [PromQLTestCaseResult] = []
        for command in script.commands {
            switch command {
            case .clear:
                state.clear()
            case .load(let load):
                if let failure = state.load(load) { cases.append(failure) }
            case .eval(let eval):
                if let filter = options.filter, !filter.matches(eval.exprText) { continue }
                cases.append(state.run(eval))
            }
        }
        return PromQLTestFileReport(file: script.file, cases: cases)
    }
}

/// The storage and bookkeeping of one script run.
struct PromQLTestRunState {
    let options: PromQLTestRunner.Options
    let engine: Engine
    var storage = MemoryStorage()
    /// Series that were loaded with native histogram samples (or made by `load_with_nhcb`).
    var histogramSeries = Set<Labels>()

    init(options: PromQLTestRunner.Options) {
        self.options = options
        self.engine = Engine(options: options.engineOptions)
    }

    mutating func clear() {
        storage = MemoryStorage()
        histogramSeries = []
    }

    // MARK: - Loading

    /// Appends a load's float samples; a failed case when the storage rejects one.
    mutating func load(_ load: PromQLTestLoad) -> PromQLTestCaseResult? {
        do {
            let summary = try load.append(to: storage)
            histogramSeries.formUnion(summary.histogramSeries)
            return nil
        } catch let error as PromQLTestLoadError {
            return loadFailure(load, line: error.line, error.message)
        } catch {
            return loadFailure(load, line: load.line, "\(error)")
        }
    }

    func loadFailure(_ load: PromQLTestLoad, line: Int, _ message: String) -> PromQLTestCaseResult {
        PromQLTestCaseResult(line: line, header: "load \(PromQLTestFormat.time(load.step))", exprText: "",
                             status: .failed, reason: "the storage rejected a sample: \(message)")
    }

    // MARK: - Evals

    /// Whether `eval` needs native histograms.
    func needsNativeHistograms(_ eval: PromQLTestEval) -> Bool {
        eval.expectsHistograms || PromQLTestQueryAnalysis.selectsAny(eval.expr, of: histogramSeries)
    }

    func run(_ eval: PromQLTestEval) -> PromQLTestCaseResult {
        var result = PromQLTestCaseResult(line: eval.line, header: eval.header, exprText: eval.exprText, status: .passed,
                                          expected: PromQLTestFormat.expectedLines(eval))
        let needsHistograms = needsNativeHistograms(eval)
        if needsHistograms && options.skipNativeHistograms {
            result.status = .skipped
            result.reason = "needs native histograms"
            return result
        }
        let failure: PromQLTestFailure?
        switch eval.mode {
        case .instant(let at): failure = runInstant(eval, at: at)
        case .range(let start, let end, let step): failure = runRange(eval, start: start, end: end, step: step)
        }
        if let failure {
            result.status = .failed
            result.reason = failure.reason + (needsHistograms ? " (needs native histograms)" : "")
            result.actual = failure.actual
        }
        return result
    }
}

/// Why an eval failed, and what the engine returned.
struct PromQLTestFailure {
    var reason: String
    var actual: [String]
}
