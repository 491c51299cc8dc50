import Dispatch
import Foundation
import PromModel
import Runtime
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `labctl serve`: the lab's Prometheus in-process — scrapes the prometheus.yml's targets, runs its
/// rules and alerts on the wall clock, and serves Prometheus's HTTP API and a web page (plus
/// Alertmanager's API v2 with `--alertmanager.config`). Flag names follow Prometheus's.
enum ServeCommand {
    static let spec = CommandSpec(
        name: "serve",
        summary: "Run the lab's Prometheus in-process: scraper, rules, alerts, HTTP API and web page",
        discussion: """
        Reads a lab's prometheus.yml unchanged: targets named as compose services (api:8000) resolve
        through --resolve NAME=HOST:PORT or the published ports of --lab DIR's compose file. Listens on
        loopback by default. SIGHUP (and POST /-/reload with --web.enable-lifecycle) reloads the
        configuration and keeps the data; a bad new configuration is rejected and the old one keeps
        running. SIGTERM or SIGINT stops gracefully.
        Exit codes: 0 stopped by a signal or /-/quit, 1 the configuration or a data file is invalid or
        the address is in use, 2 usage error.
        """,
        examples: [
            .init("labctl serve --config prometheus.yml --resolve api=127.0.0.1:8000",
                  "Scrape the lab's FastAPI service running on this machine"),
            .init("labctl serve --config lab2/prometheus.yml --data lab2/data.om --listen 127.0.0.1:9090",
                  "Do Lab 2's queries on canned data in the browser at http://127.0.0.1:9090"),
            .init("labctl serve --config prometheus.yml --alertmanager.config alertmanager.yml --web.enable-lifecycle",
                  "Also run the embedded Alertmanager (amtool works against it)"),
        ],
        options: [
            .option("config", valueName: "FILE", help: "The prometheus.yml to run (alias: --config.file)"),
            .option("config.file", valueName: "FILE", help: "Same as --config"),
            .option("listen", valueName: "HOST:PORT", help: "Address to listen on (default 127.0.0.1:9090; alias: --web.listen-address)"),
            .option("web.listen-address", valueName: "HOST:PORT", help: "Same as --listen"),
            .option("data", valueName: "FILE", help: "OpenMetrics or test-script data loaded at start", repeatable: true),
            DataFileInput.maxInputSizeOption,
            .option("resolve", valueName: "NAME=HOST:PORT", help: "Where a target named in the config really listens", repeatable: true),
            .option("lab", valueName: "DIR", help: "Lab directory whose compose file's published ports resolve service names"),
            .option("storage.path", valueName: "DIR", help: "Keep the data in DIR (write-ahead log, checkpoints); alias: --storage.tsdb.path"),
            .option("storage.tsdb.path", valueName: "DIR", help: "Same as --storage.path"),
            .option("storage.tsdb.retention.time", valueName: "DURATION", help: "How long samples are kept (default 15d)"),
            .flag("web.enable-lifecycle", help: "Allow POST /-/reload and /-/quit"),
            .flag("web.enable-remote-write-receiver", help: "Accept remote-write requests on POST /api/v1/write"),
            .option("web.external-url", valueName: "URL", help: "The URL users reach this server at (generator URLs)"),
            .option("alertmanager.config", valueName: "FILE", help: "Run the embedded Alertmanager with this alertmanager.yml"),
            .option("outbox", valueName: "DIR", help: "Where the embedded Alertmanager writes emails and other notifications (default ./outbox)"),
            .option("query.timeout", valueName: "DURATION", help: "Longest a query may run (default 2m)"),
            .option("query.max-samples", valueName: "N", help: "Most samples one query may hold (default 50000000)"),
            .option("query.max-concurrency", valueName: "N", help: "Most queries evaluated at once (default 20)"),
        ],
        run: run
    )

    @Sendable static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        let options = try serveOptions(arguments)
        let maxInputSize = try DataFileInput.maxInputSize(arguments)
        let server: LabServer
        do {
            server = try LabServer(options: options)
            // Data files are read as `labctl query --data` reads them, under the same --max-input-size.
            for file in options.dataFiles {
                let summary = try DataFileInput.load(.file(file), into: server.storage, maxInputSize: maxInputSize,
                                                     console: console)
                console.err("labctl serve: loaded \(summary.samples) samples from \(file)\n")
            }
        } catch {
            console.err("labctl serve: \(error)\n")
            return .failure
        }
        for warning in server.configuration.warnings { console.err(warning + "\n") }
        if let persistent = server.persistent {
            let report = persistent.replayReport
            console.err("labctl serve: storage \(options.storagePath ?? ""): \(report)\n")
            for warning in report.warnings { console.err("labctl serve: warning: \(warning)\n") }
        }
        let http: HTTPServer
        do { http = try server.listen(flags: flags(arguments)) } catch {
            console.err("labctl serve: \(error)\n")
            try? server.stop()
            return .failure
        }
        server.start()
        let groups = server.ruleManager.snapshot().count
        console.err("labctl serve: listening on http://\(http.boundAddress) (config \(options.configPath), "
            + "\(server.scrapeManager.activeTargets().count) targets, \(groups) rule groups"
            + (server.alertmanagerAPI == nil ? "" : ", embedded Alertmanager") + ")\n")
        let stop: @Sendable () -> Void = {
            http.shutdown(grace: 5)
        }
        server.onQuit { DispatchQueue.global().async { stop() } }
        let signals = SignalWatcher()
        signals.on(SIGHUP) {
            do {
                try server.reload()
                console.err("labctl serve: configuration reloaded\n")
            } catch {
                console.err("labctl serve: reload failed, the previous configuration keeps running: \(error)\n")
            }
        }
        signals.on(SIGTERM) { stop() }
        signals.on(SIGINT) { stop() }
        withExtendedLifetime(signals) { http.wait() }
        do { try server.stop() } catch {
            console.err("labctl serve: \(error)\n")
            return .failure
        }
        console.err("labctl serve: stopped\n")
        return .success
    }

    /// The options of the command line, with Prometheus's spellings as aliases.
    static func serveOptions(_ arguments: ParsedArguments) throws -> ServeOptions {
        let path = arguments.path.map(\.name)
        guard let config = arguments.value("config") ?? arguments.value("config.file") else {
            throw CLIError.usage("missing --config FILE (the lab's prometheus.yml)", commandPath: path)
        }
        var options = ServeOptions(configPath: config)
        if let listen = arguments.value("listen") ?? arguments.value("web.listen-address") { options.listenAddress = listen }
        options.dataFiles = arguments.values("data")
        options.storagePath = arguments.value("storage.path") ?? arguments.value("storage.tsdb.path")
        options.resolve = arguments.values("resolve")
        options.labDirectory = arguments.value("lab")
        options.enableLifecycle = arguments.flag("web.enable-lifecycle")
        options.enableRemoteWriteReceiver = arguments.flag("web.enable-remote-write-receiver")
        options.externalURL = arguments.value("web.external-url")
        options.alertmanagerConfigPath = arguments.value("alertmanager.config")
        if let outbox = arguments.value("outbox") { options.outboxPath = outbox }
        if let text = arguments.value("storage.tsdb.retention.time") {
            guard let d = try? Duration.parse(text), d.milliseconds > 0 else {
                throw CLIError.usage("invalid --storage.tsdb.retention.time \(text): expected a duration like 15d", commandPath: path)
            }
            options.retention = d.milliseconds
        }
        if let text = arguments.value("query.timeout") {
            guard let d = try? Duration.parse(text), d.milliseconds > 0 else {
                throw CLIError.usage("invalid --query.timeout \(text): expected a duration like 2m", commandPath: path)
            }
            options.queryTimeout = Double(d.milliseconds) / 1000
        }
        if let text = arguments.value("query.max-samples") {
            guard let n = Int(text), n > 0 else { throw CLIError.usage("invalid --query.max-samples \(text)", commandPath: path) }
            options.queryMaxSamples = n
        }
        if let text = arguments.value("query.max-concurrency") {
            guard let n = Int(text), n > 0, n <= 10_000 else {
                throw CLIError.usage("invalid --query.max-concurrency \(text)", commandPath: path)
            }
            options.queryMaxConcurrency = n
        }
        for pair in options.resolve where !pair.contains("=") {
            throw CLIError.usage("invalid --resolve \(pair): expected NAME=HOST:PORT", commandPath: path)
        }
        return options
    }

    /// What `/api/v1/status/flags` shows: every flag given, by Prometheus's names where it has them.
    static func flags(_ arguments: ParsedArguments) -> [String: String] {
        var out: [String: String] = [:]
        for spec in self.spec.options {
            if spec.takesValue {
                let values = arguments.values(spec.long)
                if !values.isEmpty { out[spec.long] = values.joined(separator: ",") }
            } else if arguments.flag(spec.long) {
                out[spec.long] = "true"
            }
        }
        return out
    }
}
