import Diagnostics
import Foundation
import XCTest
@testable import ConfigModel
import LabctlTestSupport

/// The prometheus.yml variants and rule files of the course (seeds 000 and 003), typed here from the
/// lab texts, checked as a student would check them.
final class PrometheusSeedTests: XCTestCase {
    // MARK: - Seed texts

    /// Lab 0, Paso 2, with the jobs added in Lab 1 (fastapi) and Lab 4 (redis, nginx), the rule files and
    /// Alertmanager of the alerting lab.
    static let lab0Config = """
    global:
      scrape_interval: 15s
      evaluation_interval: 15s
      external_labels:
        cluster: 'lab-bigdata'
        environment: 'dev'

    rule_files:
      - 'alert_rules.yml'
      - 'recording_rules.yml'

    scrape_configs:
      - job_name: 'prometheus'
        static_configs:
          - targets: ['localhost:9090']

      - job_name: 'node_exporter'
        static_configs:
          - targets: ['node_exporter:9100']

      - job_name: 'cadvisor'
        static_configs:
          - targets: ['cadvisor:8080']

      - job_name: 'fastapi'
        static_configs:
          - targets: ['api:8000']

      - job_name: 'redis'
        static_configs:
          - targets: ['redis_exporter:9121']

      - job_name: 'nginx'
        static_configs:
          - targets: ['nginx_exporter:9114']

    alerting:
      alertmanagers:
        - static_configs:
            - targets: ['alertmanager:9093']
    """

    static let dockerSDConfig = """
    scrape_configs:
      - job_name: 'docker_services'
        docker_sd_configs:
          - host: unix:///var/run/docker.sock
        relabel_configs:
          # Solo contenedores con label prometheus.enable=true
          - source_labels: [__meta_docker_container_label_prometheus_enable]
            action: keep
            regex: true

          - source_labels: [__meta_docker_container_label_prometheus_port]
            target_label: __address__
            regex: (.+)
            replacement: $1

          - source_labels: [__meta_docker_container_label_prometheus_job]
            target_label: job
    """

    static let federateConfig = """
    scrape_configs:
      - job_name: 'federate'
        scrape_interval: 15s
        honor_labels: true
        metrics_path: '/federate'
        params:
          'match[]':
            - '{job="fastapi"}'
            - '{__name__=~"job:.*"}'  # Recording rules
        static_configs:
          - targets:
            - 'prometheus-cluster-1:9090'
            - 'prometheus-cluster-2:9090'
    """

    /// Seed 003 (Práctica 26).
    static let practiceConfig = """
    # prometheus.yml
    global:
      scrape_interval: 15s

    scrape_configs:
      - job_name: 'fastapi-tu-prefijo'
        static_configs:
          - targets: ['host.docker.internal:8000']
        metrics_path: '/metrics'
        scrape_interval: 5s
    """

    static let recordingRules = """
    groups:
      - name: aggregate_metrics
        interval: 30s
        rules:
          # RPS total precalculado
          - record: job:http_requests_rate:sum
            expr: sum(rate(http_requests_total[1m]))

          # RPS por endpoint
          - record: job:http_requests_rate:sum_by_endpoint
            expr: sum by (endpoint) (rate(http_requests_total[1m]))

          # Latencia p95 precalculada
          - record: job:http_latency:p95
            expr: |
              histogram_quantile(0.95,
                sum by (le) (rate(http_request_duration_seconds_bucket[5m]))
              )

          # Tasa de error precalculada
          - record: job:http_error_rate:ratio
            expr: |
              sum(rate(http_requests_total{status=~"5.."}[1m]))
              /
              sum(rate(http_requests_total[1m]))

          # CPU por instancia
          - record: instance:node_cpu_usage:ratio
            expr: |
              100 - (avg by (instance) (irate(node_cpu_seconds_total{mode="idle"}[5m])) * 100)
    """

    // MARK: - Tests

    func testLab0ConfigAndItsRuleFilesAreValidAndClean() throws {
        let dir = try temporaryDirectory()
        try Self.lab0Config.write(toFile: dir + "/prometheus.yml", atomically: true, encoding: .utf8)
        try PrometheusSeedAlertRules.text.write(toFile: dir + "/alert_rules.yml", atomically: true, encoding: .utf8)
        try Self.recordingRules.write(toFile: dir + "/recording_rules.yml", atomically: true, encoding: .utf8)
        let outcome = PrometheusConfigCheck().run(path: dir + "/prometheus.yml")
        XCTAssertEqual(outcome.files.map { ($0 as NSString).lastPathComponent },
                       ["prometheus.yml", "alert_rules.yml", "recording_rules.yml"])
        // With the config's 15s interval, the [1m] ranges of the recording rules are 4 scrapes: no range lint
        // fires. What does fire is the seed's own mistake that Lab 8 corrects: job: levels recorded from
        // aggregations without `by (job)`.
        XCTAssertEqual(outcome.diagnostics.filter { $0.code != RecordingRuleLevelLint.code }.map(\.description), [])
        XCTAssertEqual(outcome.diagnostics.filter { $0.code == RecordingRuleLevelLint.code }.map(\.location?.line), [6, 10, 14, 21])
        XCTAssertEqual(outcome.ruleCount, 14)

        let config = try XCTUnwrap(PrometheusConfig.load(path: dir + "/prometheus.yml").validValue)
        XCTAssertEqual(config.scrapeConfigs.map(\.jobName),
                       ["prometheus", "node_exporter", "cadvisor", "fastapi", "redis", "nginx"])
        XCTAssertEqual(config.scrapeConfigs.first?.scrapeTimeout.description, "10s")
        XCTAssertEqual(config.global.externalLabels.map(\.name), ["cluster", "environment"])
        XCTAssertEqual(config.alerting.alertmanagers.first?.serviceDiscovery.staticConfigs.first?.targets.first?.value,
                       "alertmanager:9093")
    }

    func testRecordingRulesAloneWarnAboutOneMinuteRangesAtTheDefaultInterval() {
        // Checked on their own, the scrape interval is unknown and labctl assumes Prometheus's default 1m:
        // rate(...[1m]) then sees at most one sample. The seed is right for its 15s lab, so this is a warning.
        let all = RuleFileCheck().run(text: Self.recordingRules, file: "recording_rules.yml")
        XCTAssertFalse(all.hasErrors)
        // (the seed's job: levels without by (job) are rules/recording-level-mismatch, see the test above)
        let ranges = all.diagnostics.filter { $0.code != RecordingRuleLevelLint.code }
        XCTAssertEqual(Set(ranges.map(\.code)), [RateRangeTooShortLint.code])
        XCTAssertEqual(ranges.count, 4)
        XCTAssertEqual(ranges.first?.location?.line, 7)
        let at15s = RuleFileCheck(scrapeInterval: .seconds(15)).run(text: Self.recordingRules, file: "r.yml")
        XCTAssertEqual(at15s.diagnostics.filter { $0.code != RecordingRuleLevelLint.code }, [])
    }

    func testAlertRulesSeedIsValidWithoutWarnings() {
        let outcome = RuleFileCheck(scrapeInterval: .seconds(15)).run(text: PrometheusSeedAlertRules.text,
                                                                      file: "alert_rules.yml")
        XCTAssertEqual(outcome.diagnostics.map(\.description), [])
        XCTAssertEqual(outcome.ruleCount, 9)
    }

    func testOtherSeedConfigsAreValid() throws {
        for (name, text) in [("docker", Self.dockerSDConfig), ("federate", Self.federateConfig),
                             ("practice", Self.practiceConfig)] {
            let result = PrometheusConfig.parse(text, file: "\(name).yml")
            XCTAssertEqual(result.diagnostics.map(\.description), [], name)
        }
        let practice = try XCTUnwrap(PrometheusConfig.parse(Self.practiceConfig, file: "p.yml").value)
        // A 5s job under a 15s global: the default 10s timeout is clamped to the job's interval.
        XCTAssertEqual(practice.scrapeConfigs.first?.scrapeInterval.description, "5s")
        XCTAssertEqual(practice.scrapeConfigs.first?.scrapeTimeout.description, "5s")
        let federate = try XCTUnwrap(PrometheusConfig.parse(Self.federateConfig, file: "f.yml").value)
        XCTAssertEqual(federate.scrapeConfigs.first?.params.first?.values.count, 2)
        XCTAssertEqual(federate.scrapeConfigs.first?.honorLabels, true)
        let docker = try XCTUnwrap(PrometheusConfig.parse(Self.dockerSDConfig, file: "d.yml").value)
        XCTAssertEqual(docker.scrapeConfigs.first?.relabelConfigs.map(\.action), [.keep, .replace, .replace])
        XCTAssertEqual(docker.scrapeConfigs.first?.relabelConfigs.first?.regex, "true")
    }

    private func temporaryDirectory() throws -> String { try makeTemporaryDirectory(prefix: "labctl-seed").path }
}
