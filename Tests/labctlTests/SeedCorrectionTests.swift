import ConfigModel
import Diagnostics
import Foundation
import LabCatalog
import XCTest

/// Every correction a lab lists (`labs show LAB`, "seed corrections") is detectable: each test case
/// writes the lab's reference solution, puts the seed's version back (a small text patch) and expects
/// `check lab` to report the finding, which the solution itself does not have. Lab 6 and Práctica 26
/// are covered correction by correction (a correction that no static check can see is listed with
/// the reason), and so is Lab 8; most corrections of the other labs are covered too.
final class SeedCorrectionTests: XCTestCase {
    /// One seed version: edits of the solution's files and the codes `check lab` must then report.
    struct SeedVersion {
        var lab: String
        /// The index of the correction in the lab's `corrections`.
        var correction: Int
        var edits: [(file: String, edit: @Sendable (String) -> String)]
        var codes: [String]
        var needsPython = false
    }

    static func replace(_ file: String, _ old: String, _ new: String) -> (file: String, edit: @Sendable (String) -> String) {
        (file, { text in text.replacingOccurrences(of: old, with: new) })
    }

    static let versions: [SeedVersion] = [
        // Lab 6: the exporter on 9114 (it listens on 9113), one-dash flag, stub_status on a port Nginx does not listen on.
        SeedVersion(lab: "lab6", correction: 0, edits: [
            replace("docker-compose.yml", "'--nginx.scrape-uri=", "'-nginx.scrape-uri="),
        ], codes: [SingleDashFlagCheck.code]),
        SeedVersion(lab: "lab6", correction: 0, edits: [
            replace("docker-compose.yml", "\"9113:9113\"", "\"9114:9114\""),
            replace("prometheus/prometheus.yml", "nginx_exporter:9113", "nginx_exporter:9114"),
        ], codes: [PublishedPortNotListeningCheck.code, ContainerPortCheck.code]),
        SeedVersion(lab: "lab6", correction: 1, edits: [
            replace("docker-compose.yml", "http://nginx:8080/stub_status", "http://nginx:9113/stub_status"),
        ], codes: [ExporterTargetCheck.code]),
        SeedVersion(lab: "lab6", correction: 1, edits: [
            replace("nginx/nginx.conf", "listen 8080;", "listen 80;"),
        ], codes: [ExporterTargetCheck.code]),
        SeedVersion(lab: "lab6", correction: 2, edits: [
            replace("services/fastapi_app/main.py", "from redis import asyncio as aioredis", "import redis"),
            replace("services/fastapi_app/main.py", "aioredis.Redis(", "redis.Redis("),
        ], codes: [PythonBlockingClientCheck.code]),
        SeedVersion(lab: "lab6", correction: 3, edits: [
            ("services/fastapi_app/requirements.txt", { _ in "redis==5.0.1\n" }),
        ], codes: [PythonRequirementsCheck.code]),
        SeedVersion(lab: "lab6", correction: 4, edits: [
            replace("docker-compose.yml", "volumes:\n  prometheus_data:\n  grafana_data:\n  redis_data:", "volumes:\n  redis_data:"),
        ], codes: ["compose/undefined-volume"]),
        // Lab 6: redis_latency_microseconds_* is no redis_exporter metric, in the answers and in the dashboard.
        SeedVersion(lab: "lab6", correction: 5, edits: [
            replace("promql/lab6.yml", "'rate(redis_commands_duration_seconds_total[5m]) / rate(redis_commands_total[5m]) * 1000000'",
                    "'redis_latency_microseconds_sum / redis_latency_microseconds_count'"),
        ], codes: [UnknownMetricCheck.code]),
        SeedVersion(lab: "lab6", correction: 5, edits: [
            replace("grafana/dashboards/redis-nginx.json",
                    "sum by (cmd) (rate(redis_commands_duration_seconds_total[$__rate_interval])) / sum by (cmd) (rate(redis_commands_total[$__rate_interval]))",
                    "redis_latency_microseconds_sum / redis_latency_microseconds_count"),
        ], codes: [UnknownMetricCheck.code]),
        // Práctica 26.
        SeedVersion(lab: "practica26", correction: 0, edits: [
            replace("monitoring/alerts.py", "import time\n", ""),
        ], codes: [PythonMissingImportCheck.code]),
        SeedVersion(lab: "practica26", correction: 1, edits: [
            replace("main.py", "async def update_system_metrics():", "@asyncio.create_task\nasync def update_system_metrics():"),
        ], codes: [PythonDecoratorPitfallCheck.code]),
        SeedVersion(lab: "practica26", correction: 2, edits: [
            ("monitoring/profiler.py", { text in
                guard let r = text.range(of: "\n        async def wrapper") else { return text }
                return text.replacingCharacters(in: r, with: "\n        @profile\n        async def wrapper")
            }),
        ], codes: [PythonDecoratorPitfallCheck.code]),
        SeedVersion(lab: "practica26", correction: 5, edits: [
            replace("docker-compose.monitoring.yml", "      - '--storage.tsdb.path=/prometheus'\n",
                    "      - '--storage.tsdb.path=/prometheus'\n      - '--web.console.libraries=/etc/prometheus/console_libraries'\n"
                    + "      - '--web.console.templates=/etc/prometheus/consoles'\n"),
        ], codes: [PrometheusConsoleFlagsCheck.code]),
        SeedVersion(lab: "practica26", correction: 5, edits: [
            replace("docker-compose.monitoring.yml", "    extra_hosts:\n      - 'host.docker.internal:host-gateway'\n", ""),
        ], codes: [DockerHostCheck.code]),
        SeedVersion(lab: "practica26", correction: 6, edits: [
            ("grafana/dashboards/api-dashboard.json", { "{\"dashboard\": " + $0 + "}" }),
        ], codes: ["grafana-dashboard/api-wrapper"]),
        SeedVersion(lab: "practica26", correction: 6, edits: [
            replace("grafana/dashboards/api-dashboard.json", "\"type\": \"timeseries\"", "\"type\": \"graph\""),
            replace("grafana/dashboards/api-dashboard.json", "histogram_quantile(0.95, sum by (le) (rate(", "histogram_quantile(0.95, (rate("),
        ], codes: [DeprecatedPanelTypeLint.code, HistogramQuantileNotSummedLint.code]),
        // Other labs.
        SeedVersion(lab: "lab0", correction: 0, edits: [("docker-compose.yml", { "version: '3.8'\n" + $0 })],
                    codes: ["compose/obsolete-version"]),
        SeedVersion(lab: "lab2", correction: 0, edits: [
            replace("promql/lab2.yml",
                    "'sum by (method) (rate(http_request_duration_seconds_sum[5m])) / sum by (method) (rate(http_request_duration_seconds_count[5m]))'",
                    "'avg by (method) (http_request_duration_seconds)'"),
        ], codes: [UnknownMetricCheck.code]),
        SeedVersion(lab: "lab3", correction: 0, edits: [
            replace("grafana/dashboards/fastapi.json", "[$interval]", "[5m]"),
        ], codes: ["grafana-lint/rate-interval"]),
        SeedVersion(lab: "lab3", correction: 1, edits: [
            replace("docker-compose.yml", "./grafana/dashboards:/var/lib/grafana/dashboards", "./grafana/dashboards:/etc/grafana/dashboards"),
        ], codes: [DashboardProviderPathCheck.code]),
        SeedVersion(lab: "lab4", correction: 0, edits: [
            replace("promql/lab4.yml", "node_load5 / on (instance) count by (instance) (", "node_load5 / count("),
        ], codes: [LabelSetMismatchLint.code]),
        SeedVersion(lab: "lab5", correction: 0, edits: [
            replace("docker-compose.yml", "      - '--web.enable-remote-write-receiver'\n", ""),
        ], codes: [RemoteWriteReceiverCheck.code]),
        SeedVersion(lab: "lab5", correction: 1, edits: [
            replace("docker-compose.yml", "    entrypoint: [\"tail\", \"-f\", \"/dev/null\"]", "    command: tail -f /dev/null"),
        ], codes: [K6CommandCheck.code]),
        SeedVersion(lab: "lab5", correction: 2, edits: [
            replace("docker-compose.yml", "      - K6_PROMETHEUS_RW_SERVER_URL=http://prometheus:9090/api/v1/write\n", ""),
        ], codes: [K6RemoteWriteURLCheck.code]),
        SeedVersion(lab: "lab7", correction: 0, edits: [
            replace("docker-compose.yml", "- ./prometheus:/etc/prometheus:ro", "- ./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro"),
        ], codes: [RuleFileMountCheck.code]),
        SeedVersion(lab: "lab7", correction: 1, edits: [
            replace("alertmanager/alertmanager.yml", "    - matchers:\n        - severity=\"critical\"", "    - match:\n        severity: critical"),
        ], codes: [DeprecatedMatchLint.code]),
        SeedVersion(lab: "lab7", correction: 2, edits: [
            replace("prometheus/alert_rules.yml", "redis_memory_used_bytes / (redis_memory_max_bytes > 0) > 0.9",
                    "redis_memory_used_bytes / redis_memory_max_bytes > 0.9"),
            replace("docker-compose.yml", "--maxmemory 256mb --maxmemory-policy allkeys-lru", ""),
        ], codes: [RedisMaxmemoryCheck.code]),
        SeedVersion(lab: "lab8", correction: 0, edits: [
            replace("prometheus/recording_rules.yml", "expr: sum by (job) (rate(http_requests_total[1m]))", "expr: sum(rate(http_requests_total[1m]))"),
        ], codes: [RecordingRuleLevelLint.code]),
        SeedVersion(lab: "lab8", correction: 3, edits: [
            replace("docker-compose.yml", "      - /var/run/docker.sock:/var/run/docker.sock:ro\n", ""),
        ], codes: [DockerSocketCheck.code]),
        SeedVersion(lab: "lab8", correction: 3, edits: [
            replace("prometheus/prometheus.yml", "  - job_name: 'docker_services'\n",
                    "  - job_name: 'fastapi'\n    static_configs:\n      - targets: ['api:8000']\n\n  - job_name: 'docker_services'\n"),
        ], codes: [DuplicateScrapeTargetCheck.code]),
        // Lab 8: the batch job's except that only passes; the federation of clusters that are not in the lab.
        SeedVersion(lab: "lab8", correction: 2, edits: [
            replace("services/batch_job/batch_job.py",
                    "    except Exception as error:  # the failure is recorded, then reported through the exit status\n"
                    + "        print(f\"batch job failed: {error}\", file=sys.stderr)\n"
                    + "        last_failure.set_to_current_time()\n        status = 1\n",
                    "    except Exception as e:\n        # Registrar fallo\n        pass\n"),
        ], codes: [PythonSwallowedExceptionCheck.code]),
        SeedVersion(lab: "lab8", correction: 2, edits: [
            replace("services/batch_job/batch_job.py", "Gauge('job_last_success_timestamp_seconds'", "Gauge('job_last_success_timestamp'"),
        ], codes: [PythonMetricUnitCheck.code]),
        SeedVersion(lab: "lab8", correction: 2, edits: [
            ("services/batch_job/batch_job.py", { text in
                guard let start = text.range(of: "def process_data"), let end = text.range(of: "def run_batch_job") else { return text }
                return text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "")
            }),
        ], codes: [PythonUndefinedFunctionCheck.code]),
        SeedVersion(lab: "lab8", correction: 4, edits: [
            replace("prometheus/federation.yml", "      - targets: ['prometheus:9090']",
                    "      - targets:\n        - 'prometheus-cluster-1:9090'\n        - 'prometheus-cluster-2:9090'"),
        ], codes: [UnknownHostCheck.code]),
        SeedVersion(lab: "lab8", correction: 1, edits: [
            replace("services/fastapi_app/main.py", "buckets=[5, 10, 25, 50, 100, 250, 500, 1000],", "buckets=)[7][8]),"),
        ], codes: [PythonSyntaxCheck.syntaxErrorCode], needsPython: true),
    ]

    /// Corrections of Lab 6 and Práctica 26 that no static check can see, with why.
    static let notStatic: [String: [Int: String]] = [
        "practica26": [
            3: "record_business_event's hasattr() test and the double count in monitor_performance are run-time logic (graded by the metric checks)",
            4: "the parameter's name (prefix vs domain) is a naming choice in code, not an error",
        ],
    ]

    private var root: URL?

    override func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
        super.tearDown()
    }

    /// Writes `lab`'s reference solution into a fresh directory.
    private func writeSolution(_ id: String) throws -> String {
        let catalog = try Catalog.installed(environment: [:])
        let lab = try catalog.requireLab(id)
        let base = root ?? FileManager.default.temporaryDirectory.appendingPathComponent("labctl-seed-\(UUID().uuidString)")
        root = base
        let dir = base.appendingPathComponent("\(id)-\(UUID().uuidString.prefix(8))")
        let values = Dictionary(lab.parameters.map { ($0.name, $0.example) }, uniquingKeysWith: { a, _ in a })
        let writer = LabWriter(catalog: catalog)
        try writer.apply(try writer.plan(lab, directory: dir.path, given: values, force: true, variant: .solution))
        return dir.path
    }

    func testEverySeedVersionIsFound() throws {
        let hasPython = PythonSyntaxCheck().python != nil
        var solutions: [String: [String]] = [:]
        for version in Self.versions {
            if version.needsPython && !hasPython { continue }
            let dir = try writeSolution(version.lab)
            let clean = LabCheck(lint: true).run(directory: dir).diagnostics.map(\.code)
            solutions[version.lab] = clean
            for code in version.codes {
                XCTAssertFalse(clean.contains(code), "\(version.lab): the solution already reports \(code)")
            }
            for (file, edit) in version.edits {
                let path = dir + "/" + file
                let before = try String(contentsOfFile: path, encoding: .utf8)
                let after = edit(before)
                XCTAssertNotEqual(before, after, "\(version.lab) correction \(version.correction): the patch of \(file) no longer applies")
                try after.write(toFile: path, atomically: true, encoding: .utf8)
            }
            let found = LabCheck(lint: true).run(directory: dir).diagnostics
            for code in version.codes {
                let hits = found.filter { $0.code == code }
                XCTAssertFalse(hits.isEmpty, "\(version.lab) correction \(version.correction): no \(code) in \(found.map(\.description))")
                for hit in hits {
                    XCTAssertTrue(hit.location?.file.hasPrefix(dir) ?? false, "\(hit) has no position in the lab")
                }
            }
        }
    }

    func testLab6AndPractica26CorrectionsAreAllCovered() throws {
        try assertEveryCorrectionCovered(["lab6", "practica26"])
    }

    func testLab8CorrectionsAreAllCovered() throws {
        try assertEveryCorrectionCovered(["lab8"])
    }

    /// Every correction of each lab has a seed version in ``versions`` or a reason in ``notStatic``.
    private func assertEveryCorrectionCovered(_ ids: [String]) throws {
        let catalog = try Catalog.installed(environment: [:])
        for id in ids {
            let lab = try catalog.requireLab(id)
            XCTAssertFalse(lab.corrections.isEmpty, id)
            let covered = Set(Self.versions.filter { $0.lab == id }.map(\.correction))
            let excused = Set((Self.notStatic[id] ?? [:]).keys)
            for index in lab.corrections.indices {
                XCTAssertTrue(covered.contains(index) || excused.contains(index),
                              "\(id) correction \(index) (\(lab.corrections[index].file)) has no seed version in the test")
            }
            XCTAssertTrue(covered.isDisjoint(with: excused), id)
            XCTAssertTrue((covered.union(excused)).allSatisfy { lab.corrections.indices.contains($0) }, id)
        }
    }
}
