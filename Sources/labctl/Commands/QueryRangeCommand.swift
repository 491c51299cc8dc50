import PromModel
import Runtime

/// `labctl query range EXPR --data FILE --start T --end T --step DUR`.
enum QueryRangeCommand {
    static let spec = CommandSpec(
        name: "range",
        summary: "Evaluate an expression at every step of a time range",
        examples: [
            .init("labctl query range 'rate(x[5m])' --data load.test --start 0 --end 1h --step 5m", "A range query"),
        ],
        options: [
            QueryCommand.dataOption,
            QueryCommand.maxInputSizeOption,
            .option("start", valueName: "TIME", help: "Start: RFC 3339, Unix seconds or a duration from the epoch"),
            .option("end", valueName: "TIME", help: "End: RFC 3339, Unix seconds or a duration from the epoch"),
            .option("step", valueName: "DURATION", help: "Step between evaluations (30s, 1m) or seconds"),
            QueryCommand.formatOption,
        ],
        positionals: [QueryCommand.exprPositional],
        run: run
    )

    /// Most steps one range query may have (as Prometheus's API limit).
    static let maxSteps: Int64 = 11_000

    @Sendable static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        let path = arguments.path.map(\.name)
        guard let start = try QueryCommand.time(arguments, "start"), let end = try QueryCommand.time(arguments, "end") else {
            throw CLIError.usage("--start and --end are required", commandPath: path)
        }
        guard let stepText = arguments.value("step") else { throw CLIError.usage("--step is required", commandPath: path) }
        let step: Int64
        if let d = try? PromModel.Duration.parse(stepText) {
            step = d.milliseconds
        } else if let seconds = Double(stepText), seconds.isFinite, seconds < 1e12 {
            step = Int64((seconds * 1000).rounded())
        } else {
            throw CLIError.usage("invalid --step \(stepText): expected a duration like 30s", commandPath: path)
        }
        guard step > 0 else { throw CLIError.usage("--step must be positive", commandPath: path) }
        guard end >= start else { throw CLIError.usage("--end must not be before --start", commandPath: path) }
        let (span, overflow) = end.subtractingReportingOverflow(start)
        guard !overflow, span / step < maxSteps else {
            throw CLIError.usage("exceeded maximum resolution of \(maxSteps) points per timeseries; try a larger --step",
                                 commandPath: path)
        }
        let engine = Engine(options: .standard)
        return try QueryCommand.evaluate(arguments, console) { expr, storage in
            try engine.rangeQuery(expr, start: start, end: end, step: step, querier: storage)
        }
    }
}
