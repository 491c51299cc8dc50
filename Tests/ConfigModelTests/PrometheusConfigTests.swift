import Diagnostics
import PromModel
import XCTest
import YAML
@testable import ConfigModel

final class PrometheusConfigTests: XCTestCase {
    func testDefaultsAreAppliedAsPrometheusDoes() throws {
        let config = try XCTUnwrap(PrometheusConfig.parse("""
        global:
          scrape_interval: 5s
        scrape_configs:
          - job_name: a
          - job_name: b
            scrape_interval: 1m
          - job_name: c
            scrape_interval: 30s
            scrape_timeout: 30s
        """, file: "p.yml").validValue)
        XCTAssertEqual(config.global.scrapeTimeout.description, "5s", "default 10s timeout clamped to a 5s interval")
        XCTAssertEqual(config.global.evaluationInterval.description, "1m")
        XCTAssertEqual(config.scrapeConfigs.map { $0.scrapeInterval.description }, ["5s", "1m", "30s"])
        XCTAssertEqual(config.scrapeConfigs.map { $0.scrapeTimeout.description }, ["5s", "5s", "30s"])
        let a = try XCTUnwrap(config.scrapeConfigs.first)
        XCTAssertEqual(a.metricsPath, "/metrics")
        XCTAssertEqual(a.scheme, "http")
        XCTAssertTrue(a.honorTimestamps)
        XCTAssertFalse(a.honorLabels)
    }

    func testAllErrorsOfAFileAreReportedWithPositions() {
        let result = PrometheusConfig.parse("""
        global:
          scrape_interval: 1x
          foo: 1
        scrape_configs:
          - job_name: a
            scrape_timeout: 2m
            static_configs:
              - targets: ['http://a/metrics']
          - job_name: a
        """, file: "p.yml")
        XCTAssertEqual(result.diagnostics.map { "\($0.code)@\($0.location?.line ?? 0):\($0.location?.column ?? 0)" },
                       ["yaml/unknown-key@3:3", "yaml/invalid-value@2:20", "prom-config/timeout-gt-interval@6:21",
                        "prom-config/invalid-target@8:19", "prom-config/duplicate-job-name@9:15"])
    }

    func testGeneratedYAMLReadsBackToTheSameConfig() throws {
        let fixture = PrometheusFixtureTests.fixtures.appendingPathComponent("prometheus/full.good.yml").path
        let config = try XCTUnwrap(PrometheusConfig.load(path: fixture).validValue)
        let text = config.yamlText()
        let again = try XCTUnwrap(PrometheusConfig.parse(text, file: "gen.yml").validValue, text)
        XCTAssertEqual(again.yamlText(), text)
        XCTAssertEqual(again.scrapeConfigs.first?.relabelConfigs, config.scrapeConfigs.first?.relabelConfigs.map {
            var r = $0
            r.location = again.scrapeConfigs.first?.relabelConfigs.first { $0.regex == r.regex }?.location
            return r
        })
        XCTAssertEqual(again.global.externalLabels.map(\.name), ["cluster", "environment"])
        XCTAssertEqual(again.scrapeConfigs.first?.limits.bodySizeLimit, 10 << 20)
        XCTAssertEqual(again.remoteWrite.first?.name, "primary")
    }

    func testConfigBuiltInCodeGeneratesValidYAML() throws {
        var config = PrometheusConfig()
        config.global.scrapeInterval = .seconds(15)
        var job = ScrapeConfig(jobName: "api")
        job.serviceDiscovery.staticConfigs = [StaticConfig(targets: [Located("api:8000")])]
        job.relabelConfigs = [RelabelConfig(sourceLabels: ["__address__"], targetLabel: "instance")]
        config.scrapeConfigs = [job]
        config.ruleFiles = [Located("alert_rules.yml")]
        let text = config.yamlText()
        XCTAssertEqual(text, """
        global:
          scrape_interval: 15s
        rule_files:
          - alert_rules.yml
        scrape_configs:
          - job_name: api
            static_configs:
              - targets:
                  - api:8000
            relabel_configs:
              - source_labels:
                  - __address__
                target_label: instance

        """)
        XCTAssertEqual(PrometheusConfig.parse(text, file: "g.yml").diagnostics, [])
    }

    func testRelabelRules() {
        func codes(_ step: String) -> [String] {
            PrometheusConfig.parse("scrape_configs:\n  - job_name: a\n    relabel_configs:\n      - \(step)\n",
                                   file: "p.yml").diagnostics.map(\.code)
        }
        XCTAssertEqual(codes("{action: keepequal, source_labels: [a], target_label: b}"), [])
        XCTAssertEqual(codes("{action: keepequal, source_labels: [a], target_label: b, regex: x}"),
                       [ConfigCode.relabelExtraField])
        XCTAssertEqual(codes("{action: labelmap, regex: 'x_(.+)', replacement: '${1}'}"), [])
        XCTAssertEqual(codes("{action: hashmod, modulus: 2, target_label: 'a-b'}"), [ConfigCode.relabelInvalidTarget])
        XCTAssertEqual(codes("{action: lowercase, source_labels: [a], target_label: b}"), [])
        XCTAssertEqual(codes("{action: Replace, target_label: b}"), [], "actions are case-insensitive")
        XCTAssertEqual(codes("{action: drop, regex: '['}"), [ConfigCode.invalidRegex])
        XCTAssertEqual(codes("~"), [ConfigCode.relabelNull])
    }

    func testHTTPClientRules() {
        func codes(_ yaml: String) -> [String] {
            PrometheusConfig.parse("scrape_configs:\n  - job_name: a\n" + yaml, file: "p.yml").diagnostics.map(\.code)
        }
        XCTAssertEqual(codes("    authorization: {type: Basic, credentials: x}\n"), [ConfigCode.invalidAuthorization])
        XCTAssertEqual(codes("    basic_auth: {username: u, password: p, password_file: f}\n"),
                       [ConfigCode.conflictingSecret])
        XCTAssertEqual(codes("    bearer_token: t\n    basic_auth: {username: u}\n"), [ConfigCode.conflictingAuth])
        XCTAssertEqual(codes("    oauth2: {client_id: a, client_secret: b}\n"), ["yaml/missing-key"])
        XCTAssertEqual(codes("    tls_config: {min_version: TLS14}\n"), [ConfigCode.invalidValue])
        XCTAssertEqual(codes("    proxy_url: 'proxy:3128'\n"), [ConfigCode.invalidURL])
    }

    func testRemoteAndQueueRules() {
        let result = PrometheusConfig.parse("""
        remote_write:
          - url: http://a/write
            name: x
            queue_config: {min_shards: 5, max_shards: 2}
          - url: ftp://b
            name: x
        remote_read:
          - url: http://a/read
        """, file: "p.yml")
        XCTAssertEqual(result.diagnostics.map(\.code),
                       [ConfigCode.invalidQueueConfig, ConfigCode.invalidURL, ConfigCode.duplicateRemoteName])
    }

    func testNonMappingRootAndEmptyFile() {
        XCTAssertEqual(PrometheusConfig.parse("- a\n", file: "p.yml").diagnostics.map(\.code), ["yaml/wrong-type"])
        XCTAssertNotNil(PrometheusConfig.parse("", file: "p.yml").validValue)
    }

    func testRuleFilePatternsAndByteSizes() throws {
        XCTAssertTrue(RuleFilePattern.isValid("rules/*.yml"))
        XCTAssertFalse(RuleFilePattern.isValid("rules/*/a.yml"))
        XCTAssertEqual(try ByteSize.parse("10MB"), 10 << 20)
        XCTAssertEqual(try ByteSize.parse("0"), 0)
        XCTAssertThrowsError(try ByteSize.parse("10 MB"))
        XCTAssertThrowsError(try ByteSize.parse("99999999999EB"))
    }

    func testSyntaxOnlyDoesNotTouchReferencedFiles() {
        let text = "rule_files: [missing.yml]\nscrape_configs:\n  - job_name: a\n    tls_config: {ca_file: nope.pem}\n"
        let full = PrometheusConfigCheck().run(text: text, file: "p.yml", directory: "/nonexistent")
        XCTAssertEqual(full.diagnostics.map(\.code), [ConfigCode.missingRuleFile, ConfigCode.missingFile])
        let syntax = PrometheusConfigCheck(syntaxOnly: true).run(text: text, file: "p.yml", directory: "/nonexistent")
        XCTAssertEqual(syntax.diagnostics, [])
    }

    func testMissingRuleFileSuggestsClosestFileBesideIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("rules"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "groups: []\n".write(to: dir.appendingPathComponent("alert_rules.yml"), atomically: true, encoding: .utf8)
        try "groups: []\n".write(to: dir.appendingPathComponent("rules/recording.yml"), atomically: true, encoding: .utf8)
        let text = "rule_files: ['alert-rules.yml', 'rules/recordin.yml', 'zzz.yml']\n"
        let result = PrometheusConfigCheck().run(text: text, file: "p.yml", directory: dir.path)
        XCTAssertEqual(result.diagnostics.map(\.code), Array(repeating: ConfigCode.missingRuleFile, count: 3))
        XCTAssertEqual(result.diagnostics.map { $0.notes.map(\.message) }, [
            ["did you mean \"alert_rules.yml\"? (\(dir.path)/alert_rules.yml exists)"],
            ["did you mean \"rules/recording.yml\"? (\(dir.path)/rules/recording.yml exists)"],
            [],
        ])
    }
}
