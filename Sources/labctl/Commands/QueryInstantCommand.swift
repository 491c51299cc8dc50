import Runtime

/// `labctl query instant EXPR --data FILE [--time T]`.
enum QueryInstantCommand {
    static let spec = CommandSpec(
        name: "instant",
        summary: "Evaluate an expression at one time",
        discussion: "Without --time, the query runs at the newest sample of the data file.",
        examples: [
            .init("labctl query instant 'up == 0' --data data.om --time 1700000000", "Which targets were down"),
            .init("labctl query instant 'sum(rate(x[5m]))' --data load.test --time 10m --format json", "API-style JSON"),
        ],
        options: [
            QueryCommand.dataOption,
            QueryCommand.maxInputSizeOption,
            .option("time", short: "t", valueName: "TIME",
                    help: "Evaluation time: RFC 3339, Unix seconds or a duration from the epoch"),
            QueryCommand.formatOption,
        ],
        positionals: [QueryCommand.exprPositional],
        run: run
    )

    @Sendable static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        let time = try QueryCommand.time(arguments, "time")
        let engine = Engine(options: .standard)
        return try QueryCommand.evaluate(arguments, console) { expr, storage in
            let at = time ?? storage.stats().maxTime ?? 0
            return try engine.instantQuery(expr, at: at, querier: storage)
        }
    }
}
