import Foundation
import PromModel
import Storage
import XCTest
@testable import Runtime

/// Static and file service discovery, and every relabel action in `relabel_configs` (targets) and
/// `metric_relabel_configs` (samples), through ``ScrapeManager`` and labctl's own HTTP server.
final class ScrapeDiscoveryRelabelTests: XCTestCase {
    private let t: Int64 = 1_000_000

    func testStaticTargetsWithGroupLabels() throws {
        let a = try ScrapeFixtureTarget(text: "x 1\n"), b = try ScrapeFixtureTarget(text: "x 2\n")
        defer { a.stop(); b.stop() }
        let storage = MemoryStorage()
        let manager = try ScrapeTestKit.manager("""
            scrape_configs:
              - job_name: s
                static_configs:
                  - targets: ["\(a.address)"]
                    labels: {team: web}
                  - targets: ["\(b.address)"]
            """, storage: storage)
        manager.scrapeAllOnce(at: t)
        XCTAssertEqual(try ScrapeTestKit.vector(storage, "x", at: t), [
            "x{instance=\"\(a.address)\", job=\"s\", team=\"web\"}": 1,
            "x{instance=\"\(b.address)\", job=\"s\"}": 2,
        ])
    }

    func testFileSDJSONAndYAMLReReadAndMalformed() throws {
        let a = try ScrapeFixtureTarget(text: "x 1\n"), b = try ScrapeFixtureTarget(text: "x 2\n")
        defer { a.stop(); b.stop() }
        let dir = try ScrapeTestKit.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = dir.appendingPathComponent("targets.json"), yaml = dir.appendingPathComponent("more.yml")
        try Data(#"[{"targets": ["\#(a.address)"], "labels": {"env": "json"}}]"#.utf8).write(to: json)
        try Data("- targets: [\"\(b.address)\"]\n  labels:\n    env: yaml\n".utf8).write(to: yaml)
        let storage = MemoryStorage()
        let manager = try ScrapeTestKit.manager("""
            scrape_configs:
              - job_name: f
                file_sd_configs:
                  - files: ["*.json", "more.yml"]
            """, storage: storage, directory: dir.path)
        XCTAssertEqual(Set(manager.activeTargets().map { $0.target.labels["env"] ?? "" }), ["json", "yaml"])
        manager.scrapeAllOnce(at: t)
        XCTAssertEqual(try ScrapeTestKit.vector(storage, "x{env=\"json\"}", at: t).values.first, 1)
        XCTAssertEqual(try ScrapeTestKit.vector(storage, "x{env=\"yaml\"}", at: t).values.first, 2)
        XCTAssertTrue(manager.activeTargets().allSatisfy { $0.target.discoveredLabels["__meta_filepath"]?.hasPrefix(dir.path) == true })

        // Changed file: re-read on sync.
        try Data(#"[{"targets": ["\#(a.address)"], "labels": {"env": "changed"}}]"#.utf8).write(to: json)
        manager.sync()
        XCTAssertEqual(Set(manager.activeTargets().map { $0.target.labels["env"] ?? "" }), ["changed", "yaml"])
        XCTAssertEqual(manager.discoveryErrors(), [])

        // Malformed: the old targets stay, the error is reported.
        try Data("[{\"targets\": [".utf8).write(to: json)
        manager.sync()
        XCTAssertEqual(Set(manager.activeTargets().map { $0.target.labels["env"] ?? "" }), ["changed", "yaml"])
        let errors = manager.discoveryErrors()
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors.first?.contains("targets.json") == true, "\(errors)")
        try Data("- targets: 3\n".utf8).write(to: yaml)
        manager.sync()
        XCTAssertEqual(manager.activeTargets().count, 2)
        XCTAssertTrue(manager.discoveryErrors().contains { $0.contains("targets must be a list") }, "\(manager.discoveryErrors())")

        // The watcher picks up a fix without an explicit sync.
        manager.fileSDPollInterval = 0.05
        manager.start()
        defer { manager.stop() }
        try Data("- targets: [\"\(b.address)\"]\n  labels: {env: fixed}\n".utf8).write(to: yaml)
        let deadline = Date().addingTimeInterval(5)
        while !manager.activeTargets().contains(where: { $0.target.labels["env"] == "fixed" }), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTAssertEqual(Set(manager.activeTargets().map { $0.target.labels["env"] ?? "" }), ["changed", "fixed"])

        // A deleted file's targets go away (Prometheus drops the groups of files no longer found).
        try FileManager.default.removeItem(at: yaml)
        manager.sync()
        XCTAssertEqual(manager.activeTargets().map { $0.target.labels["env"] ?? "" }, ["changed"])
    }

    func testEveryRelabelActionOnTargets() throws {
        let target = try ScrapeFixtureTarget(text: "x 1\n")
        defer { target.stop() }
        let storage = MemoryStorage()
        let manager = try ScrapeTestKit.manager("""
            scrape_configs:
              - job_name: r
                static_configs:
                  - targets: ["\(target.address)", "127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:3"]
                    labels: {Team: WEB, __meta_zone: eu1, __meta_keep: "yes", tmp_a: "1", tmp_b: "2", copy: "127.0.0.1:3"}
                relabel_configs:
                  - {source_labels: [__address__], regex: "127.0.0.1:1", action: drop}
                  - {source_labels: [__meta_keep], regex: "yes", action: keep}
                  - {source_labels: [__address__], target_label: copy, action: dropequal}
                  - {source_labels: [job], target_label: job, action: keepequal}
                  - {source_labels: [__meta_zone], regex: "(eu|us)(.*)", target_label: region, replacement: "$1-$2"}
                  - {source_labels: [__address__], modulus: 8, target_label: shard, action: hashmod}
                  - {regex: "__meta_(.*)", replacement: "meta_$1", action: labelmap}
                  - {regex: "tmp_b", action: labeldrop}
                  - {regex: "(__.*|job|instance|team|region|shard|meta_.*|tmp_a)", action: labelkeep}
                  - {source_labels: [Team], target_label: team, action: lowercase}
                  - {source_labels: [__meta_zone], target_label: zone_upper, action: uppercase}
            """, storage: storage)
        let targets = manager.activeTargets()
        XCTAssertEqual(targets.count, 2, "\(targets.map(\.target.labels))")
        XCTAssertEqual(manager.droppedTargets().count, 2)
        let ours = try XCTUnwrap(targets.first { $0.target.address == target.address })
        let labels = ours.target.labels
        XCTAssertEqual(labels["region"], "eu-1")
        XCTAssertEqual(labels["meta_zone"], "eu1")
        XCTAssertEqual(labels["meta_keep"], "yes")
        XCTAssertEqual(labels["tmp_a"], "1")
        XCTAssertNil(labels["tmp_b"])
        XCTAssertNil(labels["Team"])   // removed by labelkeep before lowercase read it…
        XCTAssertNil(labels["team"])   // …so lowercase of an empty value sets nothing.
        XCTAssertEqual(labels["zone_upper"], "EU1")
        XCTAssertEqual(labels["shard"], String(Relabeler.hashmod(target.address, 8)))
        manager.scrapeAllOnce(at: t)
        XCTAssertEqual(try ScrapeTestKit.value(storage, "x{region=\"eu-1\", zone_upper=\"EU1\"}", at: t), 1)
    }

    func testEveryRelabelActionOnSamples() throws {
        let target = try ScrapeFixtureTarget(text: """
            keep_me{code="200",path="/A",tmp="x",dup="same",same="same"} 1
            keep_me{code="500",path="/b",tmp="y",dup="one",same="two"} 2
            dropped_metric 3
            go_gc 4
            """ + "\n")
        defer { target.stop() }
        let storage = MemoryStorage()
        let manager = try ScrapeTestKit.manager(ScrapeTestKit.job(target.address, """
            metric_relabel_configs:
              - {source_labels: [__name__], regex: "dropped_.*", action: drop}
              - {source_labels: [__name__], regex: "keep_me|go_.*", action: keep}
              - {source_labels: [__name__, code], regex: "go_gc;", action: drop}
              - {source_labels: [dup], target_label: same, action: keepequal}
              - {source_labels: [code], target_label: code, action: dropequal}
              - {source_labels: [code], regex: "(2|5)..", target_label: class, replacement: "${1}xx"}
              - {source_labels: [path], target_label: path, action: uppercase}
              - {source_labels: [path], target_label: lower_path, action: lowercase}
              - {source_labels: [code], modulus: 2, target_label: bucket, action: hashmod}
              - {regex: "(tm)p", replacement: "${1}_copied", action: labelmap}
              - {regex: "tmp", action: labeldrop}
              - {regex: "(__name__|code|class|path|lower_path|bucket|tm_copied|dup|instance|job)", action: labelkeep}
            """), storage: storage)
        let result = try XCTUnwrap(manager.scrapeAllOnce(at: t).first)
        XCTAssertNil(result.error)
        XCTAssertEqual(result.samplesScraped, 4)
        // keepequal dropped the second keep_me (dup != same); dropequal of code against code drops the rest.
        XCTAssertEqual(result.samplesPostRelabeling, 0)
        XCTAssertEqual(try ScrapeTestKit.value(storage, "scrape_samples_post_metric_relabeling", at: t), 0)

        // Without the always-dropping dropequal step every other action shows in the stored labels.
        try manager.apply(try ScrapeTestKit.config(ScrapeTestKit.job(target.address, """
            metric_relabel_configs:
              - {source_labels: [__name__], regex: "dropped_.*", action: drop}
              - {source_labels: [__name__], regex: "keep_me", action: keep}
              - {source_labels: [dup], target_label: same, action: keepequal}
              - {source_labels: [tmp], target_label: code, action: dropequal}
              - {source_labels: [code], regex: "(2|5)..", target_label: class, replacement: "${1}xx"}
              - {source_labels: [path], target_label: upper_path, action: uppercase}
              - {source_labels: [path], target_label: path, action: lowercase}
              - {source_labels: [code], modulus: 2, target_label: bucket, action: hashmod}
              - {regex: "(tm)p", replacement: "${1}_copied", action: labelmap}
              - {regex: "tmp|same|dup", action: labeldrop}
              - {regex: "(__name__|code|class|path|upper_path|bucket|tm_copied|instance|job)", action: labelkeep}
            """)), baseDirectory: ".")
        let second = try XCTUnwrap(manager.scrapeAllOnce(at: t + 15_000).first)
        XCTAssertNil(second.error)
        XCTAssertEqual(second.samplesPostRelabeling, 1)
        XCTAssertEqual(try ScrapeTestKit.vector(storage, "keep_me", at: t + 15_000).keys.sorted(), [
            "keep_me{bucket=\"\(Relabeler.hashmod("200", 2))\", class=\"2xx\", code=\"200\", instance=\"\(target.address)\", "
                + "job=\"fixture\", path=\"/a\", tm_copied=\"x\", upper_path=\"/A\"}",
        ])
        XCTAssertEqual(try ScrapeTestKit.vector(storage, "go_gc", at: t + 15_000), [:])
        XCTAssertEqual(try ScrapeTestKit.vector(storage, "dropped_metric", at: t + 15_000), [:])
    }
}
