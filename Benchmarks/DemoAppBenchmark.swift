import Foundation
import Runtime
#if canImport(Glibc)
import Glibc
#endif

/// `labctl-bench demo-app [connections] [seconds]`: `labctl demo-app`'s handler on labctl's
/// HTTPServer against the Python service (FastAPI + prometheus_client under uvicorn, a small app
/// written here with the lab's middleware and metrics) under the same `wrk` load on `/health`:
/// requests/s and p99 of each. Needs wrk; the Python side is skipped without fastapi/uvicorn.
enum DemoAppBenchmark {
    private static let fixture = #"""
    import time
    from fastapi import FastAPI, Request
    from prometheus_client import Counter, Gauge, Histogram, make_asgi_app
    app = FastAPI()
    requests = Counter("http_requests_total", "r", ["method", "endpoint", "status"])
    duration = Histogram("http_request_duration_seconds", "d", ["method", "endpoint"])
    active = Gauge("http_requests_active", "a")

    @app.middleware("http")
    async def track(request: Request, call_next):
        active.inc()
        start = time.perf_counter()
        status = 500
        try:
            response = await call_next(request)
            status = response.status_code
            return response
        finally:
            requests.labels(request.method, request.url.path, str(status)).inc()
            duration.labels(request.method, request.url.path).observe(time.perf_counter() - start)
            active.dec()

    @app.get("/health")
    async def health():
        return {"status": "healthy"}

    app.mount("/metrics", make_asgi_app())
    """#

    static func run(_ arguments: [String]) throws {
        let connections = arguments.first.flatMap { Int($0) } ?? 16
        let seconds = arguments.dropFirst().first.flatMap { Int($0) } ?? 5
        guard WrkRun.executable != nil else {
            print("demo-app: wrk is not installed; nothing to compare")
            return
        }
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, workers: 8),
                                handler: DemoApp(configuration: DemoAppConfiguration(seed: 1)))
        try server.start()
        if let ours = WrkRun.run(url: "http://127.0.0.1:\(server.boundPort)/health", connections: connections, seconds: seconds) {
            print("labctl demo-app /health, wrk \(connections) connections \(seconds) s: "
                  + "\(String(format: "%.0f", ours.requestsPerSecond)) requests/s, p99 \(ours.p99)")
        }
        server.shutdown(grace: 1)
        print("maxrss: \(StorageBenchmark.maxRSSKiB()) KiB")
        guard let python = python(), let port = freePort() else {
            print("python service: python3 with fastapi and uvicorn not found, skipped")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-bench-py-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(fixture.utf8).write(to: directory.appendingPathComponent("main.py"))
        let uvicorn = Process()
        uvicorn.executableURL = URL(fileURLWithPath: python)
        uvicorn.arguments = ["-m", "uvicorn", "main:app", "--host", "127.0.0.1", "--port", String(port), "--log-level", "warning"]
        uvicorn.currentDirectoryURL = directory
        uvicorn.standardOutput = FileHandle.nullDevice
        uvicorn.standardError = FileHandle.nullDevice
        try uvicorn.run()
        defer {
            kill(uvicorn.processIdentifier, SIGTERM)
            uvicorn.waitUntilExit()
        }
        let client = HTTPClient(timeout: 1)
        let deadline = Date().addingTimeInterval(20)
        while (try? client.get("http://127.0.0.1:\(port)/health"))?.status != 200 {
            guard Date() < deadline, uvicorn.isRunning else {
                print("python service: uvicorn did not start")
                return
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
        if let theirs = WrkRun.run(url: "http://127.0.0.1:\(port)/health", connections: connections, seconds: seconds) {
            print("python service (uvicorn, 1 worker) /health, same load: "
                  + "\(String(format: "%.0f", theirs.requestsPerSecond)) requests/s, p99 \(theirs.p99)")
        }
    }

    private static func python() -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/python3"
            guard FileManager.default.isExecutableFile(atPath: candidate) else { continue }
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: candidate)
            probe.arguments = ["-c", "import fastapi, uvicorn, prometheus_client"]
            probe.standardError = FileHandle.nullDevice
            guard (try? probe.run()) != nil else { continue }
            probe.waitUntilExit()
            return probe.terminationStatus == 0 ? candidate : nil
        }
        return nil
    }

    private static func freePort() -> Int? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw -> Int32 in
                guard bind(fd, raw, length) == 0 else { return -1 }
                return getsockname(fd, raw, &length)
            }
        }
        return bound == 0 ? Int(UInt16(bigEndian: address.sin_port)) : nil
    }
}
