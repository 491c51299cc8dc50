import Diagnostics
import Foundation
import Runtime

/// `labctl load [SCENARIO] [--url URL]... [--vus N] [--duration D] [--threshold T]... [--out json=FILE]`:
/// Lab 5's load test without k6.
enum LoadCommand {
    /// Exit code when a threshold fails (k6's).
    static let thresholdsFailed = ExitCode(rawValue: 99)

    static let spec = CommandSpec(
        name: "load",
        summary: "Generate HTTP load like k6 (virtual users, stages, arrival rate, thresholds)",
        discussion: """
        Virtual users send the scenario's requests over kept-alive connections; a live progress line is shown on \
        a terminal and a k6-like summary at the end. Targets must be loopback (127.0.0.0/8, ::1, localhost) or \
        hosts a scenario file lists under hosts:. The run is bounded by its duration and --max-requests.
        Exit codes: 0 ok, 99 a threshold failed (as k6), 1 bad scenario or refused target, 2 usage error.
        Las peticiones solo van a loopback o a los hosts que el escenario declara; 99 si falla un umbral.
        """,
        examples: [
            .init("labctl load --url 'http://127.0.0.1:8000/do_work?delay_ms=100' --vus 10 --duration 30s",
                  "10 virtual users for 30 seconds"),
            .init("labctl load lab5.yml --threshold 'http_req_duration:p(95)<500' --threshold 'errors:rate<0.1'",
                  "A scenario file with k6's thresholds"),
            .init("labctl load --url http://localhost:8000/ --stage 10s:20 --stage 30s:20 --stage 10s:0 --out json=run.json",
                  "Ramp up, hold, ramp down; write the summary as JSON"),
        ],
        options: [
            .option("url", short: "u", valueName: "URL", help: "A target; several share the load equally", repeatable: true),
            .option("vus", valueName: "N", help: "Virtual users (default 1)"),
            .option("duration", short: "d", valueName: "DURATION", help: "How long (default 10s)"),
            .option("stage", valueName: "DURATION:TARGET", help: "A ramping stage, as 30s:20", repeatable: true),
            .option("rate", valueName: "N", help: "Constant arrival rate: N iterations per second (--vus pre-allocated)"),
            .option("threshold", valueName: "METRIC:EXPR", help: "Pass/fail criterion, as http_req_duration:p(95)<500",
                    repeatable: true),
            .option("timeout", valueName: "DURATION", help: "Per-request timeout (default 10s)"),
            .option("think-time", valueName: "DURATION", help: "Pause after each request of a virtual user"),
            .option("max-requests", valueName: "N", help: "Stop after N requests (default 1000000)"),
            .option("seed", valueName: "N", help: "Seed of the weighted target choice"),
            .option("out", short: "o", valueName: "json=FILE", help: "Also write the summary as JSON to FILE"),
            .option("remote-write", valueName: "URL", help: "Push the run's k6_* metrics to a remote-write receiver (/api/v1/write)"),
            .option("remote-write-interval", valueName: "DURATION", help: "How often to push (default 5s)"),
            .flag("quiet", short: "q", help: "No progress line and no summary (exit code and --out only)"),
        ],
        positionals: [PositionalSpec("SCENARIO", help: "A scenario file (YAML)", arity: .optional)],
        run: run
    )

    @Sendable static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        var overrides = LoadOverrides()
        overrides.urls = arguments.values("url")
        do {
            overrides.vus = try arguments.value("vus").map { try int($0, "--vus") }
            overrides.duration = try arguments.value("duration").map(LoadOverrides.seconds)
            overrides.stages = try arguments.values("stage").map(LoadOverrides.stage)
            overrides.rate = try arguments.value("rate").map { text in
                guard let rate = Double(text), rate > 0 else { throw LoadError("--rate must be a number above 0, not \(text)") }
                return rate
            }
            overrides.timeout = try arguments.value("timeout").map(LoadOverrides.seconds)
            overrides.thinkTime = try arguments.value("think-time").map(LoadOverrides.seconds)
            overrides.maxRequests = try arguments.value("max-requests").map { try int($0, "--max-requests") }
            overrides.seed = try arguments.value("seed").map { UInt64(try int($0, "--seed")) }
        } catch {
            throw CLIError.usage("\(error)", commandPath: ["labctl", "load"])
        }
        for text in arguments.values("threshold") {
            do {
                overrides.thresholds.append(try LoadThreshold.parse(text))
            } catch let error as LoadThreshold.ParseError {
                throw CLIError.usage("--threshold '\(text)': column \(error.column): \(error.message)", commandPath: ["labctl", "load"])
            }
        }
        let outFile = try arguments.value("out").map { value -> String in
            guard value.hasPrefix("json="), value.count > 5 else {
                throw CLIError.usage("--out takes json=FILE, not \(value)", commandPath: ["labctl", "load"])
            }
            return String(value.dropFirst(5))
        }

        var base: LoadScenario?
        if let path = arguments.positional("SCENARIO").first {
            let source = try InputSource(argument: path).read(using: console)
            let (scenario, diagnostics) = LoadScenario.parse(source.text, file: source.file)
            if scenario == nil || !diagnostics.isEmpty {
                let code = console.emit(DiagnosticReport(files: [source.file], diagnostics: diagnostics), format: .text, lintFatal: false,
                                        sources: SourceCache([source]))
                if scenario == nil || code != .success { return .failure }
            }
            base = scenario
        } else if overrides.urls.isEmpty {
            throw CLIError.usage("give a scenario file or --url URL", commandPath: ["labctl", "load"])
        }
        let runner: LoadRunner
        do {
            runner = try LoadRunner(scenario: try overrides.apply(to: base))
        } catch {
            throw CLIError.failure("\(error)")
        }

        var writer: LoadRemoteWriter?
        var pushInterval = 5.0
        if let url = arguments.value("remote-write") {
            do {
                writer = try LoadRemoteWriter(url: url, allowedHosts: runner.scenario.allowedHosts)
                pushInterval = try arguments.value("remote-write-interval").map(LoadOverrides.seconds) ?? 5
            } catch {
                throw CLIError.failure("\(error)")
            }
        }
        let quiet = arguments.flag("quiet")
        // Ctrl-C or SIGTERM ends the run early; the summary is still printed (as k6 does).
        let signals = SignalWatcher()
        signals.on(SIGINT) { runner.stop() }
        signals.on(SIGTERM) { runner.stop() }
        defer { withExtendedLifetime(signals) {} }
        let live = console.stderrIsTerminal && !quiet
        let interval = min(live ? 0.5 : 3600, writer == nil ? 3600 : max(0.1, pushInterval))
        var lastPush = -Double.infinity
        let summary = runner.run(progressInterval: interval) { progress in
            if live { console.err("\r" + progress.line + "\u{1B}[K") }
            if let writer, progress.elapsed - lastPush >= pushInterval - 0.05 {
                lastPush = progress.elapsed
                writer.push(progress.summary, vus: progress.vus)
            }
        }
        if live { console.err("\r\u{1B}[K") }
        if !quiet { console.out(summary.text()) }
        if let writer {
            writer.finish(summary)
            let status = writer.status
            if !quiet { console.out("   remote write: \(status.pushes) pushes to \(writer.url)\n") }
            for failure in status.failures { console.err("labctl: warning: remote write to \(writer.url): \(failure)\n") }
        }
        if let outFile {
            do {
                try summary.json().write(toFile: outFile, atomically: true, encoding: .utf8)
            } catch {
                throw CLIError.failure("cannot write \(outFile): \(error.localizedDescription)")
            }
        }
        return summary.thresholdsPassed ? .success : thresholdsFailed
    }

    private static func int(_ text: String, _ option: String) throws -> Int {
        guard let n = Int(text), n >= 0 else { throw LoadError("\(option) must be a whole number, not \(text)") }
        return n
    }
}
