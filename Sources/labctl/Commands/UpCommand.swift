import Dispatch
import Foundation
import Runtime
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `labctl up DIR`: a lab's compose stack without Docker — what labctl can play, in one process.
enum UpCommand {
    static let spec = CommandSpec(
        name: "up",
        summary: "Start a lab's stack without Docker: Prometheus, Alertmanager, the FastAPI service, exporters",
        discussion: """
        Reads DIR's docker-compose.yml and starts what labctl can play: Prometheus as `labctl serve` with
        the lab's prometheus.yml and rules, the embedded Alertmanager with the lab's alertmanager.yml
        (email and chat notifications are written to DIR/outbox; webhooks are posted), `labctl demo-app`
        for the FastAPI service, and Debian's node_exporter when installed. Every compose address
        (api:8000) maps to a loopback port (the published port plus --port-offset). Services it cannot
        play (Grafana, cAdvisor, Redis, Nginx, k6) are listed as not started; their targets show down.
        Ctrl-C stops everything.
        Exit codes: 0 stopped by Ctrl-C/SIGTERM, 1 the lab cannot start, 2 usage error.
        """,
        examples: [
            .init("labctl init lab7 mi-lab7 --solution && labctl up mi-lab7", "Run Lab 7 without Docker"),
            .init("labctl up mi-lab7 --port-offset 10000", "The same on ports 19090, 18000, … (when 9090 is busy)"),
        ],
        options: [
            .option("port-offset", valueName: "N", help: "Add N to every published port (default 0)"),
        ],
        positionals: [PositionalSpec("DIR", help: "The lab directory (default: the current one)", arity: .optional)],
        run: run
    )

    @Sendable static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        let directory = arguments.positional("DIR").first ?? "."
        let offsetText = arguments.value("port-offset") ?? "0"
        guard let offset = Int(offsetText), (0...50_000).contains(offset) else {
            throw CLIError.usage("--port-offset must be a whole number from 0 to 50000, not \(offsetText)",
                                 commandPath: arguments.path.map(\.name))
        }
        let stack: LabStack
        do {
            let plan = try LabStackPlan.make(directory: directory, portOffset: offset,
                                             nodeExporter: executable("prometheus-node-exporter") ?? executable("node_exporter"))
            stack = try LabStack(plan: plan)
            try stack.start()
        } catch {
            console.err("labctl up: \(error)\n")
            return .failure
        }
        console.out("labctl up: \(directory)\n\nURLs de acceso / URLs:\n")
        for (name, url) in stack.urls { console.out("  \(name): \(url)\n") }
        if !stack.notStarted.isEmpty {
            console.out("\nNot started / no iniciados:\n")
            for (name, reason) in stack.notStarted { console.out("  \(name): \(reason)\n") }
        }
        console.out("\nCtrl-C stops the stack.\n")
        let done = DispatchSemaphore(value: 0)
        let signals = SignalWatcher()
        signals.on(SIGINT) { done.signal() }
        signals.on(SIGTERM) { done.signal() }
        withExtendedLifetime(signals) { done.wait() }
        do { try stack.stop() } catch {
            console.err("labctl up: \(error)\n")
            return .failure
        }
        console.out("labctl up: stopped\n")
        return .success
    }

    /// An executable on PATH (or in /usr/bin, /usr/sbin), or nil.
    static func executable(_ name: String) -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for dir in path + ["/usr/bin", "/usr/sbin", "/usr/local/bin"] {
            let candidate = (dir as NSString).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
