import ConfigModel
import Diagnostics
import Foundation
import XCTest

/// The parts of `check lab`: mount tables, image roles and ports, endpoint parsing, the Python metric scan.
final class LabCheckUnitTests: XCTestCase {
    private func service(_ yaml: String, base: String = "lab", topLevel: String = "") -> LabService? {
        let (compose, diagnostics) = ComposeFile.load(text: "services:\n" + yaml + "\n" + topLevel, file: "c.yml").parts
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }, [])
        guard let s = compose?.services.first else { return nil }
        return LabService(compose: s, baseDirectory: base)
    }

    // MARK: - Mounts

    func testMountTableLongestTargetWins() {
        let s = service("""
          p:
            image: prom/prometheus
            volumes:
              - ./prometheus:/etc/prometheus
              - ./rules/extra.yml:/etc/prometheus/rules/extra.yml
              - data:/prometheus
        """, topLevel: "volumes:\n  data:\n")
        XCTAssertEqual(s?.mounts.resolve("/etc/prometheus/prometheus.yml"), .host("lab/prometheus/prometheus.yml"))
        XCTAssertEqual(s?.mounts.resolve("/etc/prometheus/rules/extra.yml"), .host("lab/rules/extra.yml"))
        XCTAssertEqual(s?.mounts.resolve("/prometheus/wal"), .volume("data"))
        XCTAssertEqual(s?.mounts.resolve("/etc/prometheusX/a.yml"), .image)
        XCTAssertEqual(s?.mounts.resolve("/etc/prometheus/../prometheus/x.yml"), .host("lab/prometheus/x.yml"))
    }

    // MARK: - Roles and ports

    func testRolesFromImages() {
        XCTAssertEqual(LabServiceRole.classify(image: "prom/prometheus:v2.53.0", buildContext: nil), .prometheus)
        XCTAssertEqual(LabServiceRole.classify(image: "quay.io/prometheus/node-exporter@sha256:abc", buildContext: nil),
                       .nodeExporter)
        XCTAssertEqual(LabServiceRole.classify(image: "gcr.io/cadvisor/cadvisor:latest", buildContext: nil), .cadvisor)
        XCTAssertEqual(LabServiceRole.classify(image: "grafana/k6", buildContext: nil), .other)
        XCTAssertEqual(LabServiceRole.classify(image: nil, buildContext: "./app"), .app)
        XCTAssertEqual(LabServiceRole.classify(image: "myapp:1", buildContext: "."), .app)
    }

    func testListeningPortsFromFlagsEnvironmentAndCompose() {
        XCTAssertEqual(service("  n:\n    image: prom/node-exporter\n    command: ['--web.listen-address=:9200']\n")?
            .listeningPorts, [9200])
        XCTAssertEqual(service("  g:\n    image: grafana/grafana\n    environment:\n      GF_SERVER_HTTP_PORT: '3300'\n")?
            .listeningPorts, [3300])
        XCTAssertEqual(service("  r:\n    image: redis:7\n    command: redis-server --port 6380\n")?.listeningPorts, [6380])
        XCTAssertEqual(service("  a:\n    image: acme/api\n    expose: ['8080']\n    ports: ['9000:5000']\n")?
            .listeningPorts, [8080, 5000])
        XCTAssertEqual(service("  a:\n    image: acme/api\n")?.listeningPorts, [])
        XCTAssertEqual(service("  a:\n    build: ./nowhere\n    command: uvicorn main:app --host 0.0.0.0 --port 8001\n")?
            .listeningPorts, [8001])
        XCTAssertEqual(service("  a:\n    image: acme/api\n    ports: ['8001:8000']\n")?.publishedPorts, [8001: 8000])
    }

    func testHostNamesIncludeContainerNameAndAliases() {
        let s = service("""
          api:
            image: acme/api
            container_name: fastapi
            networks:
              monitoring:
                aliases: [backend]
        """, topLevel: "networks:\n  monitoring:\n")
        XCTAssertEqual(s?.hostNames, ["api", "fastapi", "backend"])
        XCTAssertEqual(s?.networks, ["monitoring"])
    }

    // MARK: - Python metrics

    func testPythonMetricScan() {
        let source = """
        from prometheus_client import Counter, Gauge, Histogram, Summary, Info
        import collections
        c = Counter('http_requests_total', 'Requests', ['method'])
        c2 = Counter(
            name="jobs",  # counters get _total
            documentation="Jobs")
        h = Histogram('latency_seconds', 'Latency')
        s = Summary("payload_bytes", "Payload")
        g = Gauge(f'{prefix}_active', 'Active')
        i = Info('build', 'Build')
        words = collections.Counter(text.split())
        class MyCounter(object): pass
        """
        let catalog = AppMetricCatalog.scan(source: source)
        for name in ["http_requests_total", "http_requests_created", "jobs_total", "latency_seconds_bucket",
                     "latency_seconds_count", "payload_bytes", "payload_bytes_sum", "build_info", "shop_active"] {
            XCTAssertTrue(catalog.contains(name), name)
        }
        XCTAssertFalse(catalog.contains("latency_seconds"))
        XCTAssertFalse(catalog.contains("jobs"))
        XCTAssertFalse(catalog.isOpenEnded)
        XCTAssertTrue(AppMetricCatalog.scan(source: "from prometheus_client import Gauge\ng = Gauge(NAME, 'x')").isOpenEnded)
        XCTAssertTrue(AppMetricCatalog.scan(source: "import collections\nc = Counter('x', 'y')").isEmpty)
        let instrumented = AppMetricCatalog.scan(source: "from prometheus_fastapi_instrumentator import Instrumentator")
        XCTAssertTrue(instrumented.contains("http_request_duration_seconds_bucket"))
    }

    func testPythonScanSurvivesTruncatedSource() {
        for source in ["from prometheus_client import Counter\nCounter(", "prometheus_client Counter('", "prometheus_client Counter(f'{",
                       "prometheus_client Counter(\\", "prometheus_client Counter"] {
            _ = AppMetricCatalog.scan(source: source)
        }
    }
}
