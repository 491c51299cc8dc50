import Diagnostics
import Foundation
import PromQL
import Runtime
import Storage

/// `labctl query instant|range`: evaluates PromQL over a data file, like Prometheus's query API.
///
/// The data file is OpenMetrics text with a timestamp on every sample (what `promtool tsdb
/// create-blocks-from openmetrics` reads) or test-script `load` blocks; the kind is detected.
enum QueryCommand {
    static let spec = CommandSpec(
        name: "query",
        summary: "Evaluate PromQL over a data file (instant or range queries)",
        discussion: """
        Data files are OpenMetrics text with timestamps, or test-script load blocks ("load 1m" then
        lines like 'up{job="a"} 1+1x10'). Times are RFC 3339 (2024-01-02T03:04:05Z), Unix seconds (1700000000.5)
        or a duration from the Unix epoch (5m). --format json prints what Prometheus's HTTP API returns.
        Exit codes: 0 ok, 1 the query or the data file failed, 2 usage error.
        """,
        examples: [
            .init("labctl query instant 'rate(http_requests_total[5m])' --data data.om --time 2024-01-01T00:10:00Z",
                  "Evaluate at one time"),
            .init("labctl query range 'up' --data load.test --start 0 --end 10m --step 1m --format json",
                  "Evaluate over a range, as the API's JSON"),
        ],
        options: [.inheritedLanguage],
        subcommands: [
            QueryInstantCommand.spec,
            QueryRangeCommand.spec,
        ]
    )

    // MARK: - Shared options

    static let exprPositional = PositionalSpec("EXPR", help: "The PromQL expression")
    static let dataOption = OptionSpec.option("data", short: "d", valueName: "FILE",
                                              help: "OpenMetrics text with timestamps, or test-script load blocks")
    /// `--max-input-size SIZE`, shared with `labctl serve`.
    static let maxInputSizeOption = DataFileInput.maxInputSizeOption
    static let formatOption = OptionSpec.option("format", short: "f", valueName: "FORMAT", help: "Output format",
                                                choices: ["table", "json"], defaultValue: "table")

    /// Parses the expression; `nil` after printing the error when it does not parse.
    static func parse(_ text: String, json: Bool, console: Console) -> Expr? {
        do {
            return try Parser(options: .allExperimental).parseExpr(text)
        } catch {
            printError(type: "bad_data", message: "\(error)", json: json, console: console)
            return nil
        }
    }

    /// Runs a query and prints its result or error.
    static func evaluate(_ arguments: ParsedArguments, _ console: Console,
                         _ query: (Expr, MemoryStorage) throws -> QueryResult) throws -> ExitCode {
        let json = arguments.value("format") == "json"
        guard let exprText = arguments.positional("EXPR").first else {
            throw CLIError.usage("missing EXPR", commandPath: arguments.path.map(\.name))
        }
        guard let data = arguments.value("data") else {
            throw CLIError.usage("missing --data FILE", commandPath: arguments.path.map(\.name))
        }
        let maxInputSize = try DataFileInput.maxInputSize(arguments)
        let storage = MemoryStorage()
        try DataFileInput.load(InputSource(argument: data), into: storage, maxInputSize: maxInputSize, console: console)
        guard let expr = parse(exprText, json: json, console: console) else { return .failure }
        let result: QueryResult
        do {
            result = try query(expr, storage)
        } catch let error as QueryError {
            printError(type: errorType(error), message: error.message, json: json, console: console)
            return .failure
        } catch {
            printError(type: "execution", message: "\(error)", json: json, console: console)
            return .failure
        }
        if json {
            console.out(QueryResultJSON.response(result, query: exprText) + "\n")
        } else {
            console.out(table(result.value))
            for a in result.annotations { console.err(a.rendered(query: exprText) + "\n") }
        }
        if isEmpty(result.value), let names = try? storage.labelValues("__name__", matchers: []),
           let hint = HistogramBaseNameHint.hint(for: expr, metricNames: Set(names), language: arguments.language(console)) {
            console.err(hint + "\n")
        }
        return .success
    }

    /// Whether a result holds no sample at all (an empty vector or matrix).
    static func isEmpty(_ value: QueryValue) -> Bool {
        switch value {
        case .vector(let samples): return samples.isEmpty
        case .matrix(let series): return series.allSatisfy { $0.points.isEmpty }
        case .scalar, .string: return false
        }
    }

    static func errorType(_ error: QueryError) -> String {
        switch error.kind {
        case .timeout: return "timeout"
        case .canceled: return "canceled"
        case .tooManySamples, .execution: return "execution"
        }
    }

    static func printError(type: String, message: String, json: Bool, console: Console) {
        if json {
            console.out(QueryResultJSON.error(type: type, message: message) + "\n")
        } else {
            console.err("labctl: error: \(type): \(message)\n")
        }
    }
}
