import Foundation
import Runtime

/// `labctl-bench load [vus] [seconds] [target]`: the requests per second `labctl load`'s generator
/// drives against a trivial loopback server (labctl's HTTPServer answering "ok"), or against the
/// demo app's `/health` with `target` = `demo-app`. Client and server share this process and the
/// machine's cores, so the number is a floor for the generator alone.
enum LoadBenchmark {
    static func run(_ arguments: [String]) throws {
        let vus = arguments.first.flatMap { Int($0) } ?? 8
        let seconds = arguments.dropFirst().first.flatMap { Double($0) } ?? 5
        let demo = arguments.dropFirst(2).first == "demo-app"
        let handler: any HTTPRequestHandler = demo ? DemoApp(configuration: DemoAppConfiguration(seed: 1))
                                                   : HTTPClosureHandler { _ in .plain(200, "ok\n") }
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, workers: max(8, vus)),
                                handler: handler)
        try server.start()
        defer { server.shutdown(grace: 1) }
        let path = demo ? "/health" : "/"
        var scenario = LoadScenario(targets: [.init(url: "http://127.0.0.1:\(server.boundPort)\(path)")],
                                    executor: .rampingVUs(startVUs: vus, stages: [.init(duration: seconds, target: vus)]))
        scenario.maxRequests = LoadScenario.maxRequestLimit
        let summary = try LoadRunner(scenario: scenario).run()
        let l = summary.latency
        print("load: \(vus) VUs for \(seconds) s against \(demo ? "demo-app /health" : "a trivial loopback server"): "
              + "\(summary.requests) requests, \(String(format: "%.0f", summary.requestRate)) requests/s, "
              + "\(summary.connections) connections, \(summary.failed) failed")
        print(String(format: "latency: avg %.3f ms, p50 %.3f ms, p99 %.3f ms, max %.3f ms",
                     l.mean / 1000, l.percentile(50) / 1000, l.percentile(99) / 1000, Double(l.max) / 1000))
        print("maxrss: \(StorageBenchmark.maxRSSKiB()) KiB")
        if let wrk = WrkRun.run(url: "http://127.0.0.1:\(server.boundPort)\(path)", connections: vus, seconds: max(1, Int(seconds))) {
            print("wrk on the same server, \(vus) connections: \(String(format: "%.0f", wrk.requestsPerSecond)) requests/s, p99 \(wrk.p99)"
                  + " (labctl load drives \(String(format: "%.0f", summary.requestRate / wrk.requestsPerSecond * 100)) % of wrk's rate)")
        } else {
            print("wrk: not installed, no comparison")
        }
    }
}
