import ConfigModel
import PromModel
import XCTest
@testable import Runtime

/// Every relabel action, the edge cases of `replace`, MD5 against known digests, and steps decoded
/// from a `prometheus.yml`.
final class RelabelerTests: XCTestCase {
    private func run(_ configs: [RelabelConfig], _ labels: Labels) throws -> Labels? {
        try Relabeler(configs).process(labels)
    }

    // MARK: - replace

    func testReplaceWithGroupsAndTargetTemplates() throws {
        let host = RelabelConfig(sourceLabels: ["instance"], regex: "(.*):(\\d+)", targetLabel: "host",
                                 replacement: "$1")
        XCTAssertEqual(try run([host], ["instance": "api:8000"]), ["instance": "api:8000", "host": "api"])
        let named = RelabelConfig(sourceLabels: ["a", "b"], separator: "/", regex: "(?P<x>[^/]*)/(.*)",
                                  targetLabel: "t_${x}", replacement: "${2}-$x")
        XCTAssertEqual(try run([named], ["a": "k", "b": "v"]), ["a": "k", "b": "v", "t_k": "v-k"])
    }

    func testReplaceWithTheDefaultRegexCopiesTheJoinedValue() throws {
        let copy = RelabelConfig(sourceLabels: ["ns", "pod"], separator: "/", targetLabel: "pod_path")
        XCTAssertEqual(try run([copy], ["ns": "a", "pod": "p\nq"]), ["ns": "a", "pod": "p\nq", "pod_path": "a/p\nq"],
                       "(.*) matches newlines")
        let fromMissing = RelabelConfig(sourceLabels: ["missing"], targetLabel: "job")
        XCTAssertEqual(try run([fromMissing], ["job": "x"]), .empty, "an empty $1 deletes the target")
        let braced = RelabelConfig(sourceLabels: ["job"], targetLabel: "j", replacement: "${1}")
        XCTAssertEqual(try run([braced], ["job": "x"]), ["job": "x", "j": "x"])
    }

    func testReplaceWithoutMatchChangesNothingAndEmptyResultDeletes() throws {
        let labels: Labels = ["job": "node", "env": "prod"]
        let noMatch = RelabelConfig(sourceLabels: ["job"], regex: "api", targetLabel: "env", replacement: "x")
        XCTAssertEqual(try run([noMatch], labels), labels)
        let delete = RelabelConfig(sourceLabels: ["job"], regex: "node", targetLabel: "env", replacement: "")
        XCTAssertEqual(try run([delete], labels), ["job": "node"])
        let anchored = RelabelConfig(sourceLabels: ["job"], regex: "no", targetLabel: "x", replacement: "y")
        XCTAssertEqual(try run([anchored], labels), labels, "the regex is anchored at both ends")
    }

    func testReplaceOnMissingSourceSetsAConstant() throws {
        let set = RelabelConfig(targetLabel: "team", replacement: "ops")
        XCTAssertEqual(try run([set], ["job": "a"]), ["job": "a", "team": "ops"])
        let invalidTarget = RelabelConfig(sourceLabels: ["job"], regex: "(.*)", targetLabel: "${2}", replacement: "v")
        XCTAssertEqual(try run([invalidTarget], ["job": "a"]), ["job": "a"], "an empty target name is skipped")
    }

    // MARK: - keep, drop, equality

    func testKeepAndDrop() throws {
        let keep = RelabelConfig(sourceLabels: ["severity"], regex: "critical|warning", action: .keep)
        XCTAssertEqual(try run([keep], ["severity": "critical"]), ["severity": "critical"])
        XCTAssertNil(try run([keep], ["severity": "info"]))
        XCTAssertNil(try run([keep], ["other": "x"]), "a missing label is the empty string")
        let drop = RelabelConfig(sourceLabels: ["env", "team"], separator: ";", regex: "dev;.*", action: .drop)
        XCTAssertNil(try run([drop], ["env": "dev", "team": "a"]))
        XCTAssertEqual(try run([drop], ["env": "prod", "team": "a"]), ["env": "prod", "team": "a"])
    }

    func testKeepEqualAndDropEqual() throws {
        let keepEqual = RelabelConfig(sourceLabels: ["port"], targetLabel: "expected_port", action: .keepequal)
        XCTAssertNotNil(try run([keepEqual], ["port": "80", "expected_port": "80"]))
        XCTAssertNil(try run([keepEqual], ["port": "80", "expected_port": "81"]))
        let dropEqual = RelabelConfig(sourceLabels: ["a"], targetLabel: "b", action: .dropequal)
        XCTAssertNil(try run([dropEqual], ["a": "1", "b": "1"]))
        XCTAssertNil(try run([dropEqual], ["c": "1"]), "both empty: equal")
        XCTAssertNotNil(try run([dropEqual], ["a": "1"]))
    }

    // MARK: - Case and hashing

    func testLowercaseAndUppercase() throws {
        let lower = RelabelConfig(sourceLabels: ["Env"], targetLabel: "env", action: .lowercase)
        let upper = RelabelConfig(sourceLabels: ["env"], targetLabel: "ENV", action: .uppercase)
        XCTAssertEqual(try run([lower, upper], ["Env": "PrOd"]), ["Env": "PrOd", "env": "prod", "ENV": "PROD"])
    }

    func testHashmodUsesTheLastEightBytesOfMD5() throws {
        XCTAssertEqual(hex(MD5.digest("".utf8)), "d41d8cd98f00b204e9800998ecf8427e")
        XCTAssertEqual(hex(MD5.digest("abc".utf8)), "900150983cd24fb0d6963f7d28e17f72")
        XCTAssertEqual(hex(MD5.digest(String(repeating: "a", count: 200).utf8)), "887f30b43b2867f4a9accceee7d16e6c")
        XCTAssertEqual(Relabeler.hashmod("abc", 1000), 458)
        XCTAssertEqual(Relabeler.hashmod("", 10), 8)
        let shard = RelabelConfig(sourceLabels: ["__address__"], modulus: 4, targetLabel: "__tmp_shard", action: .hashmod)
        XCTAssertEqual(try run([shard], ["__address__": "10.0.0.1:9100"])?["__tmp_shard"], "1")
        let onlyShard0 = RelabelConfig(sourceLabels: ["__tmp_shard"], regex: "0", action: .keep)
        XCTAssertNil(try run([shard, onlyShard0], ["__address__": "10.0.0.1:9100"]))
    }

    // MARK: - Label names

    func testLabelMapDropKeep() throws {
        let labels: Labels = ["__meta_kubernetes_label_app": "api", "__meta_kubernetes_label_tier": "web", "job": "k"]
        let map = RelabelConfig(regex: "__meta_kubernetes_label_(.+)", replacement: "k8s_$1", action: .labelmap)
        XCTAssertEqual(try run([map], labels), ["__meta_kubernetes_label_app": "api", "__meta_kubernetes_label_tier": "web",
                                                "job": "k", "k8s_app": "api", "k8s_tier": "web"])
        let dropMeta = RelabelConfig(regex: "__meta_.*", action: .labeldrop)
        XCTAssertEqual(try run([map, dropMeta], labels), ["job": "k", "k8s_app": "api", "k8s_tier": "web"])
        let keepJob = RelabelConfig(regex: "job|k8s_app", action: .labelkeep)
        XCTAssertEqual(try run([map, keepJob], labels), ["job": "k", "k8s_app": "api"])
    }

    // MARK: - Configs

    func testStepsFromAPrometheusConfig() throws {
        let yaml = """
        alerting:
          alert_relabel_configs:
            - source_labels: [severity]
              regex: info
              action: drop
            - source_labels: [instance]
              regex: '([^:]+):.*'
              target_label: host
            - regex: 'replica'
              action: labeldrop
        """
        let result = PrometheusConfig.parse(yaml, file: "prometheus.yml")
        XCTAssertTrue(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
        let relabeler = try Relabeler(try XCTUnwrap(result.value).alerting.alertRelabelConfigs)
        XCTAssertNil(relabeler.process(["alertname": "A", "severity": "info"]))
        XCTAssertEqual(relabeler.process(["alertname": "A", "instance": "api:8000", "replica": "b"]),
                       ["alertname": "A", "instance": "api:8000", "host": "api"])
        XCTAssertTrue(try Relabeler([]).isEmpty)
    }

    func testBadRegexIsAnErrorNotACrash() {
        XCTAssertThrowsError(try Relabeler([RelabelConfig(), RelabelConfig(regex: "(", action: .keep)])) { error in
            XCTAssertEqual((error as? RelabelError)?.index, 1)
            XCTAssertTrue("\(error)".hasPrefix("relabel step 2: invalid regex"), "\(error)")
        }
    }

    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }
}
