import Diagnostics
import Foundation
import XCTest
@testable import ConfigModel

/// The checks behind Labs 6 and 8: redis_exporter's real metric names, a central Prometheus that
/// federates the lab's one, the batch job's swallowed exception, the nginx exporter's counters and SLO
/// windows in dashboards.
final class Lab6Lab8CheckTests: XCTestCase {
    private var roots: [URL] = []

    override func tearDown() {
        for root in roots { try? FileManager.default.removeItem(at: root) }
        roots = []
        super.tearDown()
    }

    /// Writes `files` (relative path → text) into a fresh directory and checks it.
    private func check(_ files: [String: String]) throws -> (dir: String, diagnostics: [Diagnostic]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-lab68-\(UUID().uuidString)")
        roots.append(dir)
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return (dir.path, LabCheck(lint: true).run(directory: dir.path).diagnostics)
    }

    private static let compose = """
    services:
      prometheus:
        image: prom/prometheus:v3.5.0
        volumes:
          - ./prometheus:/etc/prometheus:ro
        networks: [monitoring]
        restart: unless-stopped
      redis:
        image: redis:7-alpine
        command: redis-server --maxmemory 256mb
        networks: [monitoring]
        restart: unless-stopped
      redis_exporter:
        image: oliver006/redis_exporter:v1.67.0
        environment:
          - REDIS_ADDR=redis://redis:6379
        networks: [monitoring]
        restart: unless-stopped
    %CENTRAL%
    networks:
      monitoring:
    """

    private static let central = """
      prometheus_central:
        image: prom/prometheus:v3.5.0
        volumes:
          - ./prometheus/federation.yml:/etc/prometheus/federation.yml:ro
        command:
          - '--config.file=/etc/prometheus/federation.yml'
        ports:
          - "9099:9090"
        networks: [monitoring]
        restart: unless-stopped
    """

    private static let prometheus = """
    global:
      scrape_interval: 15s
    rule_files: [rules.yml]
    scrape_configs:
      - job_name: redis
        static_configs:
          - targets: ['redis_exporter:9121']
    """

    private static let federation = """
    global:
      scrape_interval: 15s
    scrape_configs:
      - job_name: 'federate'
        honor_labels: true
        metrics_path: '/federate'
        params:
          'match[]':
            - '{job="fastapi"}'
            - '{__name__=~"job:.*"}'
        static_configs:
          - targets: ['prometheus:9090']
    """

    private static func rules(_ exprs: [String]) -> String {
        "groups:\n  - name: g\n    rules:\n" + exprs.enumerated().map { i, e in
            "      - record: redis:r\(i):sum\n        expr: sum(\(e))\n"
        }.joined()
    }

    private func stack(central: Bool = false, federation: String = federation, rules: [String] = ["redis_up"]) -> [String: String] {
        var files = ["docker-compose.yml": Self.compose.replacingOccurrences(of: "%CENTRAL%\n", with: central ? Self.central + "\n" : ""),
                     "prometheus/prometheus.yml": Self.prometheus, "prometheus/rules.yml": Self.rules(rules)]
        if central { files["prometheus/federation.yml"] = federation }
        return files
    }

    // MARK: - redis_exporter's names

    func testRedisExporterNamesAreKnownAndTheSeedsLatencyMetricIsNot() throws {
        let (_, diagnostics) = try check(stack(rules: [
            "rate(redis_commands_duration_seconds_total[5m])", "rate(redis_commands_total[5m])",
            "rate(redis_keyspace_hits_total[5m])", "redis_memory_used_bytes", "redis_connected_clients",
            "rate(redis_commands_latencies_usec_bucket[5m])", "redis_exporter_last_scrape_error",
            "redis_latency_microseconds_sum", "redis_latency_microseconds_count", "redis_memory_usedbytes",
        ]))
        let unknown = diagnostics.filter { $0.code == UnknownMetricCheck.code }
        XCTAssertEqual(unknown.compactMap(\.location?.line), [19, 21, 23], diagnostics.description)
        XCTAssertTrue(unknown.first?.message.contains("redis_latency_microseconds_sum") ?? false, unknown.description)
        XCTAssertEqual(diagnostics.filter { $0.code != UnknownMetricCheck.code }, [], diagnostics.description)
    }

    func testRedisPrefixesAreExactOrFamilies() {
        let names = RedisExporterMetrics.names
        XCTAssertTrue(LabMetricCatalog.matches(names, "redis_keyspace_misses_total"))
        XCTAssertTrue(LabMetricCatalog.matches(names, "redis_sentinel_masters"))
        XCTAssertTrue(LabMetricCatalog.matches(names, "redis_latency_percentiles_usec_sum"))
        XCTAssertFalse(LabMetricCatalog.matches(names, "redis_latency_microseconds_sum"))
        XCTAssertFalse(LabMetricCatalog.matches(names, "redis_keyspace_hit_total"))
        XCTAssertEqual(Set(names).count, names.count, "no name is listed twice")
    }

    // MARK: - A central Prometheus

    func testCentralPrometheusConfigIsCheckedClean() throws {
        let (dir, diagnostics) = try check(stack(central: true))
        XCTAssertEqual(diagnostics, [], diagnostics.description)
        let (lab, outcome) = LabLoader(lint: true).load(directory: dir)
        XCTAssertTrue(outcome.files.contains(dir + "/prometheus/federation.yml"), outcome.files.description)
        let job = try XCTUnwrap(lab.centralPrometheus.first?.config.value.scrapeConfigs.first)
        XCTAssertEqual(lab.centralPrometheus.first?.service.name, "prometheus_central")
        XCTAssertTrue(job.honorLabels)
        XCTAssertEqual(job.metricsPath, "/federate")
        XCTAssertEqual(job.params.first?.name, "match[]")
        XCTAssertEqual(job.params.first?.values, ["{job=\"fastapi\"}", "{__name__=~\"job:.*\"}"])
        XCTAssertEqual(lab.prometheus?.path, dir + "/prometheus/prometheus.yml", "the first Prometheus is the lab's")
    }

    func testSeedsFederatedClustersAreUnknownHostsInTheCentralConfig() throws {
        let seed = Self.federation.replacingOccurrences(
            of: "      - targets: ['prometheus:9090']",
            with: "      - targets:\n        - 'prometheus-cluster-1:9090'\n        - 'prometheus-cluster-2:9090'")
        let (dir, diagnostics) = try check(stack(central: true, federation: seed))
        let hosts = diagnostics.filter { $0.code == UnknownHostCheck.code }
        XCTAssertEqual(hosts.map { "\($0.location?.file ?? ""):\($0.location?.line ?? 0)" },
                       ["\(dir)/prometheus/federation.yml:13", "\(dir)/prometheus/federation.yml:14"], diagnostics.description)
        XCTAssertTrue(hosts.first?.message.contains("job \"federate\"") ?? false, hosts.description)
    }

    func testCentralConfigErrorsHaveTheirPosition() throws {
        let broken = [
            Self.federation.replacingOccurrences(of: "honor_labels: true", with: "honor_labels: maybe"),
            Self.federation.replacingOccurrences(
                of: "      'match[]':\n        - '{job=\"fastapi\"}'\n        - '{__name__=~\"job:.*\"}'",
                with: "      'match[]': '{job=\"fastapi\"}'"),
        ]
        for (text, line) in zip(broken, [5, 8]) {
            XCTAssertNotEqual(text, Self.federation)
            let (dir, diagnostics) = try check(stack(central: true, federation: text))
            let errors = diagnostics.filter { $0.severity == .error }
            XCTAssertEqual(errors.map { "\($0.code)@\($0.location?.line ?? 0)" }, ["yaml/wrong-type@\(line)"], diagnostics.description)
            XCTAssertTrue(errors.allSatisfy { $0.location?.file == dir + "/prometheus/federation.yml" })
        }
    }

    func testCentralConfigThatIsNotMountedIsNotRead() throws {
        var files = stack(central: true)
        let compose = files["docker-compose.yml"] ?? ""
        files["docker-compose.yml"] = compose.replacingOccurrences(
            of: "      - ./prometheus/federation.yml:/etc/prometheus/federation.yml:ro\n", with: "      - central_data:/prometheus\n")
            + "volumes:\n  central_data:\n"
        files["prometheus/federation.yml"] = "scrape_configs: [broken"
        let (dir, _) = try check(files)
        let (lab, outcome) = LabLoader(lint: true).load(directory: dir)
        XCTAssertTrue(lab.centralPrometheus.isEmpty)
        XCTAssertFalse(outcome.files.contains(dir + "/prometheus/federation.yml"))
    }

    func testFederateJobBringsWhatItsNameMatchersSelect() throws {
        func federating(_ selectors: [String]) -> [String: String] {
            var files = stack(rules: ["job:http_requests:rate1m", "http_requests_total", "redis_up"])
            files["prometheus/prometheus.yml"] = Self.prometheus + """

              - job_name: federate
                honor_labels: true
                metrics_path: /federate
                params:
                  'match[]': [\(selectors.map { "'\($0)'" }.joined(separator: ", "))]
                static_configs:
                  - targets: ['prometheus_edge:9090']
            """
            let edge = "  prometheus_edge:\n    image: prom/prometheus:v3.5.0\n    networks: [monitoring]\n    restart: unless-stopped\n"
            files["docker-compose.yml"] = Self.compose.replacingOccurrences(of: "%CENTRAL%\n", with: edge)
            return files
        }
        let names = try check(federating(["{__name__=~\"job:.*\"}"])).diagnostics
        XCTAssertFalse(names.contains { $0.severity == .error }, names.description)
        let unknown = names.filter { $0.code == UnknownMetricCheck.code }
        XCTAssertEqual(unknown.count, 1, names.description)
        XCTAssertTrue(unknown.first?.message.contains("http_requests_total") ?? false, unknown.description)
        XCTAssertTrue(unknown.first?.message.contains("federated __name__=~\"job:.*\"") ?? false, unknown.description)
        let any = try check(federating(["{__name__=~\"job:.*\"}", "{job=\"fastapi\"}"])).diagnostics
        XCTAssertEqual(any.filter { $0.code == UnknownMetricCheck.code }, [], any.description)
    }

    // MARK: - Docker discovery next to a static job

    func testStaticTargetAlsoDiscoveredThroughDockerIsScrapedTwice() throws {
        func lab(labels: String, staticTarget: String) -> [String: String] {
            var files = stack()
            let api = "  api:\n    build: ./app\n    labels:\n\(labels)    networks: [monitoring]\n    restart: unless-stopped\n"
            files["docker-compose.yml"] = Self.compose.replacingOccurrences(of: "%CENTRAL%\n", with: api)
                .replacingOccurrences(of: "./prometheus:/etc/prometheus:ro", with: "./prometheus:/etc/prometheus:ro\n      - /var/run/docker.sock:/var/run/docker.sock:ro")
            files["app/main.py"] = "from prometheus_client import Counter\nREQUESTS = Counter('http_requests_total', 'Requests')\n"
            files["app/Dockerfile"] = "FROM python:3.11\nEXPOSE 8000\n"
            files["prometheus/prometheus.yml"] = Self.prometheus + """

              - job_name: fastapi
                static_configs:
                  - targets: ['\(staticTarget)']
              - job_name: docker_services
                docker_sd_configs:
                  - host: unix:///var/run/docker.sock
                relabel_configs:
                  - source_labels: [__meta_docker_container_label_prometheus_enable]
                    action: keep
                    regex: true
                  - source_labels: [__meta_docker_container_label_prometheus_port]
                    target_label: __address__
                    regex: (.+)
                    replacement: $1
            """
            return files
        }
        let enabled = "      - \"prometheus.enable=true\"\n      - \"prometheus.port=api:8000\"\n"
        let (dir, twice) = try check(lab(labels: enabled, staticTarget: "api:8000"))
        let found = twice.filter { $0.code == DuplicateScrapeTargetCheck.code }
        XCTAssertEqual(found.map { "\($0.location?.file ?? ""):\($0.location?.line ?? 0)" }, ["\(dir)/prometheus/prometheus.yml:10"],
                       twice.description)
        XCTAssertTrue(found.first?.message.contains("job docker_services") ?? false, found.description)
        let disabled = "      - \"prometheus.enable=false\"\n      - \"prometheus.port=api:8000\"\n"
        XCTAssertEqual(try check(lab(labels: disabled, staticTarget: "api:8000")).diagnostics
            .filter { $0.code == DuplicateScrapeTargetCheck.code }, [])
        XCTAssertEqual(try check(lab(labels: enabled, staticTarget: "api:8001")).diagnostics
            .filter { $0.code == DuplicateScrapeTargetCheck.code }, [])
    }

    // MARK: - Python: an except that only passes

    func testSwallowedExceptionIsFound() throws {
        let job = """
        from prometheus_client import CollectorRegistry, Gauge, push_to_gateway
        try:
            import ujson as json
        except ImportError:
            pass

        def run():
            registry = CollectorRegistry()
            try:
                count = 1
            except Exception as e:
                # Registrar fallo
                pass
            try:
                count = 2
            except ValueError:
                print("failed")
                raise
            try:
                count = 3
            except:  pass
        """
        let compose = Self.compose.replacingOccurrences(of: "%CENTRAL%\n", with: """
          batch_job:
            build: ./batch
            networks: [monitoring]
            profiles: [batch]

        """)
        let (dir, diagnostics) = try check(["docker-compose.yml": compose, "prometheus/prometheus.yml": Self.prometheus,
                                            "prometheus/rules.yml": Self.rules(["redis_up"]), "batch/batch_job.py": job,
                                            "batch/Dockerfile": "FROM python:3.11\n"])
        let found = diagnostics.filter { $0.code == PythonSwallowedExceptionCheck.code }
        XCTAssertEqual(found.map { "\($0.location?.file ?? ""):\($0.location?.line ?? 0):\($0.location?.column ?? 0)" },
                       ["\(dir)/batch/batch_job.py:11:5"], diagnostics.description)
        XCTAssertEqual(found.first?.severity, .warning)
    }

    func testMetricNamesEndInTheirBaseUnit() {
        XCTAssertEqual(PythonMetricUnitCheck.declaredName("last = Gauge('job_last_success_timestamp', 'Last')"), "job_last_success_timestamp")
        XCTAssertEqual(PythonMetricUnitCheck.declaredName("h = Histogram(\"latency_ms\", 'x', buckets=[1])"), "latency_ms")
        XCTAssertNil(PythonMetricUnitCheck.declaredName("x = MyGauge('a_timestamp', 'x')"))
        XCTAssertNil(PythonMetricUnitCheck.declaredName("x = Gauge(name, 'x')"))
        let source = "from prometheus_client import Gauge, Histogram\n"
            + "a = Gauge('job_last_success_timestamp', 'Last success')\n"
            + "b = Gauge('job_last_success_timestamp_seconds', 'Last success')\n"
            + "c = Histogram('request_latency_ms', 'Latency')\n"
            + "d = Histogram('request_duration_seconds', 'Latency')\n"
        var lab = Lab(directory: "/tmp")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-unit-\(UUID().uuidString).py").path
        XCTAssertNoThrow(try source.write(toFile: path, atomically: true, encoding: .utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        lab.appMetrics = AppMetricCatalog.scan(files: [path])
        let found = PythonMetricUnitCheck().check(lab)
        XCTAssertEqual(found.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" }, ["2:12", "4:16"], found.description)
        XCTAssertTrue(found.first?.message.contains("job_last_success_timestamp_seconds") ?? false, found.description)
    }

    func testUndefinedFunctionCalls() {
        XCTAssertEqual(PythonUndefinedFunctionCheck.calledName("count = process_data()"), "process_data")
        XCTAssertEqual(PythonUndefinedFunctionCheck.calledName("return await fetch_rows(db)"), "fetch_rows")
        XCTAssertEqual(PythonUndefinedFunctionCheck.calledName("push_to_gateway(addr, job='x')"), "push_to_gateway")
        XCTAssertNil(PythonUndefinedFunctionCheck.calledName("run()"), "names without an underscore are not guessed at")
        XCTAssertNil(PythonUndefinedFunctionCheck.calledName("x == make_thing()"))
        XCTAssertNil(PythonUndefinedFunctionCheck.calledName("obj.process_data()"))
        XCTAssertNil(PythonUndefinedFunctionCheck.calledName("_private_helper()"))
        let code: [Substring] = [
            "from prometheus_client import push_to_gateway", "def run(process_rows, *, on_error=None):",
            "for row_id, raw_row in rows:", "with open(p) as in_file:", "handler = lambda req_id: req_id",
            "total_rows = 0", "except ValueError as parse_error:", "if (n_rows := len(rows)) > 0:",
        ]
        let bound = PythonUndefinedFunctionCheck.boundNames(code)
        for name in ["push_to_gateway", "process_rows", "on_error", "row_id", "raw_row", "in_file", "req_id",
                     "total_rows", "parse_error", "n_rows"] {
            XCTAssertTrue(bound.contains(name), name)
        }
        XCTAssertFalse(bound.contains("process_data"))
    }

    func testExceptBodyReading() {
        let lines: [Substring] = ["    except Exception:", "        # nothing", "", "        pass", "    print(1)"]
        XCTAssertEqual(PythonSwallowedExceptionCheck.body(of: 0, indent: 4, in: lines), ["pass"])
        XCTAssertEqual(PythonSwallowedExceptionCheck.body(of: 4, indent: 4, in: lines), [])
        XCTAssertEqual(PythonSwallowedExceptionCheck.indentation("\t  x"), 3)
    }

    // MARK: - Lints

    func testNginxExporterCountersAreCounters() {
        let text = """
        groups:
          - name: g
            rules:
              - record: nginx:accepted:rate5m
                expr: rate(nginx_connections_accepted[5m]) - rate(nginx_connections_handled[5m])
              - record: nginx:active:rate5m
                expr: rate(nginx_connections_active[5m])
        """
        let file = RuleFile.parse(text, file: "r.yml").value
        let found = file.map { RateOnNonCounterLint().check(RuleLintInput(file: $0, scrapeInterval: nil)) } ?? []
        XCTAssertEqual(found.count, 1, found.description)
        XCTAssertTrue(found.first?.message.contains("nginx_connections_active") ?? false, found.description)
    }

    func testSLOWindowsAreNotRateIntervals() {
        func dashboard(_ expr: String) -> String {
            "{\"title\": \"d\", \"uid\": \"d\", \"schemaVersion\": 39, \"panels\": [{\"id\": 1, \"type\": \"stat\", \"title\": \"p\", "
                + "\"gridPos\": {\"x\": 0, \"y\": 0, \"w\": 8, \"h\": 8}, \"targets\": [{\"refId\": \"A\", \"expr\": \"\(expr)\"}]}]}"
        }
        let findings = { (expr: String) -> [Diagnostic] in
            GrafanaDashboard.load(text: dashboard(expr), file: "d.json").dashboard.map { RateIntervalLint().check($0) }
                ?? [Diagnostic.error("missing", "no dashboard")]
        }
        XCTAssertEqual(findings("sum(rate(http_requests_total[30d]))"), [])
        XCTAssertEqual(findings("sum(increase(http_requests_total[1d]))"), [])
        XCTAssertEqual(findings("sum(rate(http_requests_total[5m]))").map(\.code), [RateIntervalLint.code])
        XCTAssertEqual(findings("sum(rate(http_requests_total[23h]))").map(\.code), [RateIntervalLint.code])
    }
}
