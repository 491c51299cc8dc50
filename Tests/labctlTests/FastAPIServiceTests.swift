import Exposition
import Foundation
import LabCatalog
import Runtime
import XCTest
import LabctlTestSupport

/// The generated FastAPI services start: for each distinct service template (lab1, lab6, lab8 and
/// practica26 with a sample prefix), `uvicorn main:app` runs on 127.0.0.1 and a free port, answers
/// a few requests, and its /metrics (parsed with the Runtime exposition parser) has the metrics the
/// lab's checks grade. Skips when python3 with fastapi, uvicorn and prometheus_client is missing
/// (and a lab when its extra packages are). The server is always terminated.
final class FastAPIServiceTests: XCTestCase {
    private static let client = """
    import json, sys, time, urllib.request, urllib.error
    base, calls = sys.argv[1], json.loads(sys.argv[2])
    deadline = time.time() + 20
    while True:
        try:
            urllib.request.urlopen(base + "/metrics", timeout=2).read()
            break
        except Exception as error:
            if time.time() > deadline:
                print("server did not answer within 20 s:", error, file=sys.stderr)
                sys.exit(3)
            time.sleep(0.2)
    statuses = []
    for method, path, body in calls:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(base + path, method=method, data=data,
                                         headers={"Content-Type": "application/json"})
        try:
            statuses.append(urllib.request.urlopen(request, timeout=10).status)
        except urllib.error.HTTPError as error:
            statuses.append(error.code)
    print(json.dumps(statuses))
    sys.stdout.write(urllib.request.urlopen(base + "/metrics", timeout=10).read().decode())
    """

    private static func python() -> String? { ToolLocator.path("python3") }

    private static func canImport(_ python: String, _ modules: String) -> Bool {
        (try? runProcess(python, ["-c", "import \(modules)"], in: nil, timeout: 30).status) == 0
    }

    private static func runProcess(_ tool: String, _ arguments: [String], in directory: URL?, timeout: TimeInterval)
        throws -> RunResult {
        try ChildProcess.run(tool, arguments: arguments, directory: directory, timeout: timeout)
    }

    private struct Service {
        var lab: String
        var directory: String
        var modules: String
        var calls: [(String, String, String?)]
    }

    func testGeneratedServicesStartAndExposeTheirMetrics() throws {
        guard let python = Self.python(), Self.canImport(python, "fastapi, uvicorn, prometheus_client") else {
            throw XCTSkip("python3 with fastapi, uvicorn and prometheus_client is not installed")
        }
        let catalog = try Catalog.installed(environment: [:])
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-fastapi-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        let basic: [(String, String, String?)] = [("GET", "/", nil), ("GET", "/health", nil), ("GET", "/do_work", nil)]
        let services = [
            Service(lab: "lab1", directory: "services/fastapi_app", modules: "fastapi", calls: basic),
            Service(lab: "lab6", directory: "services/fastapi_app", modules: "redis",
                    calls: basic + [("GET", "/cached_work?key=a&delay_ms=1", nil)]),
            Service(lab: "lab8", directory: "services/fastapi_app", modules: "redis, pydantic",
                    calls: basic + [("GET", "/cached_work?key=a&delay_ms=1", nil)]),
            Service(lab: "practica26", directory: ".", modules: "prometheus_fastapi_instrumentator, psutil",
                    calls: [("POST", "/pedido/", "{\"nombre\": \"x\"}"), ("PUT", "/pedido/1", "{\"nombre\": \"y\"}"),
                            ("GET", "/metrics-dashboard", nil)]),
        ]
        var started = 0
        for service in services {
            guard Self.canImport(python, service.modules) else {
                print("skipping \(service.lab): python3 cannot import \(service.modules)")
                continue
            }
            let lab = try catalog.requireLab(service.lab)
            var values: [String: String] = [:]
            for p in lab.parameters where p.required { values[p.name] = p.example }
            let dir = root.appendingPathComponent(service.lab)
            let writer = LabWriter(catalog: catalog)
            let plan = try writer.plan(lab, directory: dir.path, given: values, force: false, variant: .solution)
            try writer.apply(plan)
            var expected = try expectedMetrics(lab, values: plan.answers.values, under: service.directory)
            if let counter = plan.answers.values["business_counter"], let prefix = plan.answers.values["prefix"] {
                expected.append("\(prefix)_\(counter)_total")
            }
            XCTAssertFalse(expected.isEmpty, service.lab)
            try exercise(service, python: python, directory: dir.appendingPathComponent(service.directory), expected: expected)
            started += 1
        }
        XCTAssertGreaterThan(started, 0)
    }

    /// The metric names the lab's checks grade (metric_exposed) in the service's own Python files
    /// (not the exporters' or the batch job's), rendered with the student's values.
    private func expectedMetrics(_ lab: LabSpec, values: [String: String], under directory: String) throws -> [String] {
        let renderer = TemplateRenderer(values: values)
        return try lab.exercises.flatMap(\.checks).filter { check in
            guard check.kind == .metricExposed, let file = check.string("file") else { return false }
            return directory == "." || file.hasPrefix(directory + "/")
        }.compactMap { check in
            try check.string("metric").map { try renderer.render($0, file: "lab.yaml") }
        }
    }

    private func exercise(_ service: Service, python: String, directory: URL, expected: [String]) throws {
        guard let port = LoopbackPort.free() else { throw XCTSkip("no free port") }
        let server = Process()
        server.executableURL = URL(fileURLWithPath: python)
        server.arguments = ["-m", "uvicorn", "main:app", "--host", "127.0.0.1", "--port", String(port), "--log-level", "warning"]
        server.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["REDIS_HOST"] = "127.0.0.1"
        environment["REDIS_PORT"] = "1"  // nothing listens there: Redis endpoints must degrade gracefully
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        server.environment = environment
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("uvicorn-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        server.standardOutput = handle
        server.standardError = handle
        try server.run()
        defer {
            if server.isRunning {
                server.terminate()
                server.waitUntilExit()
            }
            try? handle.close()
            try? FileManager.default.removeItem(at: log)
        }
        let calls = service.calls.map { [$0.0, $0.1, $0.2.map { "__JSON__\($0)" } as Any] }
        let callsJSON = String(decoding: try JSONSerialization.data(withJSONObject: calls.map { call in
            call.map { item -> Any in
                if let text = item as? String, text.hasPrefix("__JSON__"),
                   let object = try? JSONSerialization.jsonObject(with: Data(text.dropFirst(8).utf8)) { return object }
                return item is String ? item : NSNull()
            }
        }), as: UTF8.self)
        let result = try Self.runProcess(python, ["-c", Self.client, "http://127.0.0.1:\(port)", callsJSON], in: nil, timeout: 60)
        let serverLog = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        XCTAssertEqual(result.status, 0, "\(service.lab): \(result.stderr)\nserver log:\n\(serverLog)")
        guard result.status == 0, let newline = result.stdout.firstIndex(of: "\n") else { return }
        let statuses = try JSONSerialization.jsonObject(with: Data(result.stdout[..<newline].utf8)) as? [Int] ?? []
        XCTAssertEqual(statuses.count, service.calls.count)
        for (call, status) in zip(service.calls, statuses) {
            XCTAssertLessThan(status, 500, "\(service.lab) \(call.0) \(call.1) answered \(status)\n\(serverLog)")
        }
        let exposition = String(result.stdout[result.stdout.index(after: newline)...])
        let families = try ExpositionParser(format: .prometheusText, file: "\(service.lab)/metrics").parse(exposition)
        var names = Set<String>()
        for family in families {
            names.insert(family.name)
            names.insert(family.name + "_total")
            for sample in family.samples { names.insert(sample.name) }
        }
        for metric in expected {
            XCTAssertTrue(names.contains(metric), "\(service.lab): /metrics has no \(metric)")
        }
        for histogram in ["http_request_duration_seconds_bucket"] where service.lab != "practica26" {
            XCTAssertTrue(names.contains(histogram), "\(service.lab): /metrics has no \(histogram)")
        }
        if service.lab == "practica26" {
            XCTAssertTrue(names.contains("ana_shop_response_duration_seconds_bucket"), "practica26 histogram")
        }
    }
}
