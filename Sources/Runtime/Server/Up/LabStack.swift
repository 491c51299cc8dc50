import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A lab's stack run in one process by `labctl up`: labctl serve (with the embedded Alertmanager
/// when the lab has one), demo-app for the FastAPI service, and child exporters, each on its
/// loopback port from the ``LabStackPlan``. ``stop()`` stops everything (children by PID).
public final class LabStack: @unchecked Sendable {
    public let plan: LabStackPlan
    public let server: LabServer
    public private(set) var http: HTTPServer?
    private var apps: [(String, HTTPServer)] = []
    private var children: [(String, Process)] = []
    /// `name → URL` of what runs, in start order.
    public private(set) var urls: [(name: String, url: String)] = []
    /// `name → reason` of the services not started.
    public private(set) var notStarted: [(name: String, reason: String)] = []

    /// Loads the lab's configuration (all or nothing); nothing is started yet.
    public init(plan: LabStackPlan, tickInterval: Double = 0.1) throws {
        self.plan = plan
        var options = ServeOptions(configPath: plan.prometheusConfig)
        options.listenAddress = "127.0.0.1:\(plan.prometheusPort)"
        options.resolve = plan.resolve
        options.alertmanagerConfigPath = plan.alertmanagerConfig
        options.outboxPath = (plan.directory as NSString).appendingPathComponent("outbox")
        options.enableLifecycle = true
        options.enableRemoteWriteReceiver = true
        options.tickInterval = tickInterval
        server = try LabServer(options: options)
    }

    /// Starts every service it can play; on a failure the started ones are stopped again.
    public func start() throws {
        do {
            for service in plan.services {
                switch service.role {
                case .prometheus:
                    http = try server.listen()
                    server.start()
                    urls.append(("Prometheus (labctl serve)", "http://127.0.0.1:\(plan.prometheusPort)"))
                case .alertmanager:
                    if server.alertmanagerAPI != nil {
                        urls.append(("Alertmanager (embedded, API v2)", "http://127.0.0.1:\(plan.prometheusPort)/api/v2/status"))
                    } else {
                        notStarted.append((service.name, "no alertmanager.yml found for it"))
                    }
                case .demoApp:
                    guard let port = service.localPort else {
                        notStarted.append((service.name, "it publishes no port"))
                        continue
                    }
                    let app = HTTPServer(configuration: HTTPServerConfiguration(port: port), handler: DemoApp())
                    do { try app.start() } catch { throw ServeError("\(service.name) (demo-app): cannot listen on 127.0.0.1:\(port): \(error)") }
                    apps.append((service.name, app))
                    urls.append(("\(service.name) (labctl demo-app)", "http://127.0.0.1:\(port)"))
                case .nodeExporter(let executable):
                    guard let port = service.localPort else {
                        notStarted.append((service.name, "it publishes no port"))
                        continue
                    }
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: executable)
                    process.arguments = ["--web.listen-address=127.0.0.1:\(port)"]
                    process.standardOutput = FileHandle.nullDevice
                    process.standardError = FileHandle.nullDevice
                    do { try process.run() } catch { throw ServeError("\(service.name): cannot start \(executable): \(error)") }
                    children.append((service.name, process))
                    urls.append(("\(service.name) (\(executable))", "http://127.0.0.1:\(port)/metrics"))
                case .notStarted(let reason):
                    notStarted.append((service.name, reason))
                }
            }
        } catch {
            try? stop()
            throw error
        }
    }

    /// Stops the servers and the child processes (SIGTERM, then SIGKILL after 3 s).
    public func stop() throws {
        for (_, app) in apps { app.shutdown(grace: 2) }
        apps = []
        for (_, child) in children where child.isRunning {
            kill(child.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(3)
            while child.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if child.isRunning { kill(child.processIdentifier, SIGKILL) }
            child.waitUntilExit()
        }
        children = []
        http?.shutdown(grace: 2)
        try server.stop()
    }
}
