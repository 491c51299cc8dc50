import Exposition
import Foundation
import PromModel
@testable import Runtime
import XCTest
#if canImport(Glibc)
import Glibc
import LabctlTestSupport
#endif

/// The demo app against the real Python service: a FastAPI app with prometheus_client whose
/// metric definitions mirror the seed's (written here, for this test), run by uvicorn on a free
/// loopback port. Both get the same requests; their /metrics must have the same families, types,
/// label names and buckets (the Python runtime's own `python_*` families aside). Skips when
/// python3 with fastapi, uvicorn and prometheus_client is missing. uvicorn is stopped by PID.
final class DemoAppPythonAgreementTests: XCTestCase {
    /// Our fixture: the seed's metric definitions (Labs 1/6/8; Práctica 26's with LAB_PREFIX), an
    /// in-memory dict in place of Redis.
    private static let fixture = #"""
    import asyncio, os, random, time
    from fastapi import FastAPI, HTTPException, Request
    from prometheus_client import Counter, Gauge, Histogram, make_asgi_app

    PREFIX = os.environ.get("LAB_PREFIX", "")
    app = FastAPI()
    if PREFIX:
        requests = Counter(f"{PREFIX}_requests_total", "r", ["method", "endpoint", "status"])
        duration = Histogram(f"{PREFIX}_response_duration_seconds", "d", ["method", "endpoint"],
                             buckets=[0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0])
        active = Gauge(f"{PREFIX}_active_connections", "a")
        for name in ("cpu_usage_percent", "memory_usage_bytes", "disk_usage_percent"):
            Gauge(f"{PREFIX}_{name}", name).set(1)
        Counter(f"{PREFIX}_entities_created_total", "c")
        Counter(f"{PREFIX}_entities_updated_total", "u")
        errors = Counter(f"{PREFIX}_api_errors_total", "e", ["error_type"])
    else:
        requests = Counter("http_requests_total", "r", ["method", "endpoint", "status"])
        duration = Histogram("http_request_duration_seconds", "d", ["method", "endpoint"])
        active = Gauge("http_requests_active", "a")
        errors = Counter("errors_total", "e", ["type"])
    work = Histogram("work_duration_seconds", "w", buckets=[0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0])
    if not PREFIX:
        orders = Counter("orders_total", "o", ["status", "payment_method"])
        order_value = Histogram("order_value_euros", "v", buckets=[5, 10, 25, 50, 100, 250, 500, 1000])
        active_users = Gauge("active_users", "u")
        revenue = Counter("revenue_euros_total", "r")
    hits = Counter("cache_hits_total", "h")
    misses = Counter("cache_misses_total", "m")
    cache = {}

    @app.middleware("http")
    async def track(request: Request, call_next):
        if request.url.path.startswith("/metrics"):
            return await call_next(request)
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

    @app.get("/")
    async def root():
        return {"message": "BigData Lab API", "version": "1.0"}

    @app.get("/health")
    async def health():
        return {"status": "healthy"}

    @app.get("/do_work")
    async def do_work(delay_ms: int = 100, fail_rate: float = 0.0):
        start = time.perf_counter()
        if random.random() < fail_rate:
            errors.labels("simulated_error").inc()
            raise HTTPException(status_code=500, detail="Simulated error")
        await asyncio.sleep(max(delay_ms, 0) / 1000)
        work.observe(time.perf_counter() - start)
        return {"status": "completed"}

    @app.get("/cpu_intensive")
    async def cpu_intensive(iterations: int = 1000000):
        start = time.perf_counter()
        result = sum(i ** 2 for i in range(max(iterations, 0)))
        work.observe(time.perf_counter() - start)
        return {"result": result}

    @app.get("/cached_work")
    async def cached_work(key: str, delay_ms: int = 100):
        if key in cache:
            hits.inc()
            return {"status": "cached", "result": cache[key]}
        misses.inc()
        await asyncio.sleep(max(delay_ms, 0) / 1000)
        cache[key] = {"key": key, "computed": True, "delay_ms": delay_ms}
        return {"status": "computed", "result": cache[key]}

    from pydantic import BaseModel, Field

    class Order(BaseModel):
        id: str = Field(min_length=1, max_length=64)
        total_amount: float = Field(ge=0)
        payment: str = "card"

    @app.post("/order")
    async def create_order(order: Order):
        if PREFIX:
            raise HTTPException(status_code=404, detail="Not Found")
        orders.labels("completed", order.payment if order.payment in ("card", "paypal", "transfer") else "other").inc()
        order_value.observe(order.total_amount)
        revenue.inc(order.total_amount)
        return {"order_id": order.id}

    app.mount("/metrics", make_asgi_app())
    """#

    private static let calls = ["/", "/health", "/do_work?delay_ms=1", "/do_work?delay_ms=1&fail_rate=1",
                                "/cpu_intensive?iterations=10", "/cached_work?key=a&delay_ms=1", "/cached_work?key=a&delay_ms=1",
                                "/do_work?delay_ms=abc"]

    private static func python() -> String? { ToolLocator.path("python3") }

    /// What is compared of a family: type, label names (without `le`), bucket bounds.
    private struct Shape: Equatable, CustomStringConvertible {
        var type: MetricType
        var labels: Set<String>
        var buckets: [String]
        var description: String { "\(type) \(labels.sorted()) \(buckets)" }
    }

    private func shapes(_ families: [MetricFamily]) -> [String: Shape] {
        var out: [String: Shape] = [:]
        for family in families where !family.name.hasPrefix("python_") {
            var labels = Set<String>()
            var buckets: [String] = []
            for sample in family.samples {
                for label in sample.labels where label.name != "le" { labels.insert(label.name) }
                if let le = sample.labels.first(where: { $0.name == "le" })?.value, !buckets.contains(le) { buckets.append(le) }
            }
            out[family.name] = Shape(type: family.type, labels: labels, buckets: buckets)
        }
        return out
    }

    private func compare(prefix: String?) throws {
        guard let python = Self.python() else { throw XCTSkip("python3 not found") }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = ["-c", "import fastapi, uvicorn, prometheus_client"]
        probe.standardError = FileHandle.nullDevice
        try probe.run()
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else { throw XCTSkip("python3 lacks fastapi, uvicorn or prometheus_client") }
        guard let port = LoopbackPort.free() else { throw XCTSkip("no free port") }

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-demo-py-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(Self.fixture.utf8).write(to: directory.appendingPathComponent("main.py"))
        let uvicorn = Process()
        uvicorn.executableURL = URL(fileURLWithPath: python)
        uvicorn.arguments = ["-m", "uvicorn", "main:app", "--host", "127.0.0.1", "--port", String(port), "--log-level", "warning"]
        uvicorn.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        environment["LAB_PREFIX"] = prefix ?? ""
        uvicorn.environment = environment
        uvicorn.standardOutput = FileHandle.nullDevice
        uvicorn.standardError = FileHandle.nullDevice
        try uvicorn.run()
        let pid = uvicorn.processIdentifier
        defer {
            kill(pid, SIGTERM)
            uvicorn.waitUntilExit()
        }

        let ours = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0),
                              handler: DemoApp(configuration: DemoAppConfiguration(prefix: prefix, seed: 1)))
        try ours.start()
        defer { ours.shutdown(grace: 1) }

        let client = HTTPClient(timeout: 5, maxBodyBytes: 4 << 20)
        let python_ = "http://127.0.0.1:\(port)"
        let deadline = Date().addingTimeInterval(20)
        while (try? client.get(python_ + "/health"))?.status != 200 {
            guard Date() < deadline, uvicorn.isRunning else { return XCTFail("uvicorn did not answer within 20 s") }
            Thread.sleep(forTimeInterval: 0.2)
        }
        let swift = "http://127.0.0.1:\(ours.boundPort)"
        for call in Self.calls {
            let a = try client.get(python_ + call).status
            let b = try client.get(swift + call).status
            XCTAssertEqual(b, a, "status of \(call)")
        }
        // Lab 8's orders (the Práctica 26 service has no /order).
        for body in prefix != nil ? [] : [#"{"id":"A1","total_amount":42.5,"payment":"paypal"}"#, #"{"id":"A2","total_amount":7}"#,
                                          #"{"total_amount":-1}"#, "nope"] {
            func post(_ base: String) throws -> Int {
                try client.send(try HTTPRequest(url: base + "/order", method: "POST", headers: [("Content-Type", "application/json")],
                                                body: Array(body.utf8))).status
            }
            XCTAssertEqual(try post(swift), try post(python_), "POST /order \(body)")
        }
        _ = try client.get(swift + "/health")  // the probe's request on the Python side
        let theirs = try ExpositionParser.parse(try client.get(python_ + "/metrics/").text, file: "python")
        let mine = try ExpositionParser.parse(try client.get(swift + "/metrics").text, file: "demo-app")
        let (a, b) = (shapes(theirs), shapes(mine))
        XCTAssertEqual(Set(b.keys), Set(a.keys), "families only in ours: \(Set(b.keys).subtracting(a.keys).sorted()), only in Python's: \(Set(a.keys).subtracting(b.keys).sorted())")
        for (name, shape) in a { XCTAssertEqual(b[name], shape, name) }
        XCTAssertGreaterThan(a.count, 10)
        // The same requests were counted the same way.
        let counter = prefix.map { "\($0)_requests_total" } ?? "http_requests_total"
        func counts(_ families: [MetricFamily]) -> [Labels: Double] {
            Dictionary(families.filter { $0.name == counter }.flatMap(\.samples).map { ($0.labels, $0.value) }, uniquingKeysWith: +)
        }
        XCTAssertEqual(counts(mine), counts(theirs))
    }

    func testLabMetricsMatchThePythonService() throws { try compare(prefix: nil) }

    func testPractica26MetricsMatchThePythonService() throws { try compare(prefix: "tienda_ana") }
}
