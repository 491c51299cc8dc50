import Foundation
import Runtime

/// `labctl demo-app [--listen 127.0.0.1:8000] [--prefix P] [--seed N]`: the lab's FastAPI service,
/// rebuilt in Swift on labctl's HTTP server, until Ctrl-C.
enum DemoAppCommand {
    static let spec = CommandSpec(
        name: "demo-app",
        summary: "Run the labs' FastAPI service (BigData Lab API) with its Prometheus metrics",
        discussion: """
        Endpoints: /, /health, /do_work?delay_ms&fail_rate, /cpu_intensive?iterations, /cached_work?key&delay_ms \
        (60 s cache), /chaos (random 500s, slow answers, CPU burn) and /metrics with the seed's metric names, \
        types, labels and buckets. --prefix gives Práctica 26's names (P_requests_total, ...).
        El servicio FastAPI de los laboratorios, sin Python ni Docker; Ctrl-C lo detiene.
        """,
        examples: [
            .init("labctl demo-app", "Serve on http://127.0.0.1:8000"),
            .init("labctl demo-app --listen 127.0.0.1:8001 --prefix tienda_ana --seed 42", "Práctica 26 names, reproducible chaos"),
        ],
        options: [
            .option("listen", short: "l", valueName: "HOST:PORT", help: "Address to listen on", defaultValue: "127.0.0.1:8000"),
            .option("prefix", valueName: "PREFIX", help: "Práctica 26 metric prefix"),
            .option("seed", valueName: "N", help: "Seed of /do_work's failures and /chaos"),
            .option("workers", valueName: "N", help: "Requests answered at once (sleeping ones included)", defaultValue: "64"),
        ],
        run: run
    )

    @Sendable static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        let usage = { (message: String) in CLIError.usage(message, commandPath: ["labctl", "demo-app"]) }
        let listen = arguments.value("listen") ?? "127.0.0.1:8000"
        let (host, port): (String, Int)
        do {
            (host, port) = try HTTPRequest.splitHostPort(listen, defaultPort: 8000)
        } catch {
            throw usage("--listen \(listen): \(error)")
        }
        var configuration = DemoAppConfiguration()
        if let prefix = arguments.value("prefix") {
            guard DemoAppConfiguration.isValidPrefix(prefix) else {
                throw usage("--prefix \(prefix) is not a metric name prefix ([a-zA-Z_][a-zA-Z0-9_]*)")
            }
            configuration.prefix = prefix
        }
        if let seed = arguments.value("seed") {
            guard let n = UInt64(seed) else { throw usage("--seed must be a whole number, not \(seed)") }
            configuration.seed = n
        }
        guard let workers = Int(arguments.value("workers") ?? "64"), (1...1024).contains(workers) else {
            throw usage("--workers must be 1 to 1024")
        }
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: host, port: port, workers: workers),
                                handler: DemoApp(configuration: configuration))
        do {
            try server.start()
        } catch {
            throw CLIError.failure("cannot listen on \(listen): \(error)")
        }
        let signals = SignalWatcher()
        signals.on(SIGINT) { server.shutdown(grace: 5) }
        signals.on(SIGTERM) { server.shutdown(grace: 5) }
        console.out("demo-app listening on http://\(server.boundAddress) (metrics at /metrics); Ctrl-C stops it\n")
        withExtendedLifetime(signals) { server.wait() }
        console.out("demo-app stopped\n")
        return .success
    }
}
