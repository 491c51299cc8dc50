import XCTest
@testable import LabCatalog

final class LabWriterTests: XCTestCase {
    func testInitWritesEveryLabAndRerunSkips() throws {
        let catalog = try TestSupport.catalog()
        let writer = LabWriter(catalog: catalog)
        let root = try TestSupport.temporaryDirectory(self)
        for lab in catalog.labs {
            let dir = root.appendingPathComponent(lab.id).path
            let plan = try writer.plan(lab, directory: dir, given: TestSupport.exampleValues(lab), force: false)
            let deleted = Set(try catalog.starterPatches(for: lab.id).filter(\.delete).map(\.file))
            XCTAssertEqual(plan.entries(.create).count, lab.files.count - deleted.count, lab.id)
            try writer.apply(plan)
            for file in lab.files where !deleted.contains(file.path) && file.kind != .image {
                let text = try TestSupport.read(URL(fileURLWithPath: dir).appendingPathComponent(file.path))
                XCTAssertFalse(text.contains(TemplateRenderer.opening), "\(lab.id)/\(file.path) is fully rendered")
            }
            let answers = try LabAnswers.parse(try TestSupport.read(URL(fileURLWithPath: dir).appendingPathComponent(LabAnswers.path)), file: "a")
            XCTAssertEqual(answers.lab, lab.id)
            XCTAssertEqual(answers.version, lab.version)
            let again = try writer.plan(lab, directory: dir, given: TestSupport.exampleValues(lab), force: false)
            XCTAssertEqual(again.entries(.unchanged).count, lab.files.count - deleted.count, "\(lab.id): re-run skips identical files")
        }
    }

    func testChangedFilesAreKeptUnlessForced() throws {
        let catalog = try TestSupport.catalog()
        let writer = LabWriter(catalog: catalog)
        let lab = try catalog.requireLab("lab1")
        let dir = try TestSupport.temporaryDirectory(self)
        try writer.apply(try writer.plan(lab, directory: dir.path, given: [:], force: false))
        let main = dir.appendingPathComponent("services/fastapi_app/main.py")
        try "print('mine')\n".write(to: main, atomically: true, encoding: .utf8)

        let keep = try writer.plan(lab, directory: dir.path, given: [:], force: false)
        XCTAssertEqual(keep.entries(.keep).map(\.path), ["services/fastapi_app/main.py"])
        try writer.apply(keep)
        XCTAssertEqual(try TestSupport.read(main), "print('mine')\n")
        XCTAssertTrue(keep.diffs().contains("-print('mine')\n"), keep.diffs())

        let force = try writer.plan(lab, directory: dir.path, given: [:], force: true)
        XCTAssertEqual(force.entries(.overwrite).map(\.path), ["services/fastapi_app/main.py"])
        try writer.apply(force)
        XCTAssertTrue(try TestSupport.read(main).contains("make_asgi_app"))
    }

    func testDryRunPlanWritesNothing() throws {
        let catalog = try TestSupport.catalog()
        let writer = LabWriter(catalog: catalog)
        let dir = try TestSupport.temporaryDirectory(self).appendingPathComponent("lab0")
        let plan = try writer.plan(try catalog.requireLab("lab0"), directory: dir.path, given: [:], force: false)
        XCTAssertTrue(plan.diffs().contains("--- /dev/null\n+++ b/docker-compose.yml\n@@ -0,0 +1,"))
        XCTAssertTrue(plan.summary(dryRun: true).hasSuffix("would write 4 file(s) (4 create)\n"), plan.summary(dryRun: true))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path))
    }

    func testOtherLabInDirectoryNeedsForce() throws {
        let catalog = try TestSupport.catalog()
        let writer = LabWriter(catalog: catalog)
        let dir = try TestSupport.temporaryDirectory(self)
        try writer.apply(try writer.plan(try catalog.requireLab("lab0"), directory: dir.path, given: [:], force: false))
        XCTAssertThrowsError(try writer.plan(try catalog.requireLab("lab1"), directory: dir.path, given: [:], force: false))
    }

    func testAnswersResolution() throws {
        let lab = try TestSupport.catalog().requireLab("practica26")
        let resolver = AnswerResolver(spec: lab)
        let values = try resolver.resolve(["student": "ana", "prefix": "ana_shop", "domain": "salud", "entity": "cita"])
        XCTAssertEqual(values["project"], "ana_shop_api", "default computed from the prefix")
        XCTAssertThrowsError(try resolver.resolve(["student": "ana"])) { error in
            XCTAssertTrue("\(error)".contains("missing prefix"), "\(error)")
        }
        XCTAssertThrowsError(try resolver.resolve(["student": "ana", "prefix": "Ana-Shop", "domain": "x", "entity": "y"])) { error in
            XCTAssertTrue("\(error)".contains("prefix \"Ana-Shop\" must start with a lower-case letter"), "\(error)")
        }
        XCTAssertThrowsError(try AnswerResolver(spec: try TestSupport.catalog().requireLab("lab1")).resolve(["prefix": "x"]))
    }

    /// A copy of the content whose lab1 template changes in version 2.
    private func contentCopy() throws -> URL {
        let catalog = try TestSupport.catalog()
        let copy = try TestSupport.temporaryDirectory(self).appendingPathComponent("content")
        try FileManager.default.copyItem(at: catalog.root, to: copy)
        return copy
    }

    func testUpdateMergesStudentEditsAndMarksConflicts() throws {
        let content = try contentCopy()
        let dir = try TestSupport.temporaryDirectory(self).appendingPathComponent("lab1")
        let v1 = Catalog.load(root: content)
        let lab1 = try v1.requireLab("lab1")
        try LabWriter(catalog: v1).apply(try LabWriter(catalog: v1).plan(lab1, directory: dir.path, given: [:], force: false))

        // The student edits two files.
        let prom = dir.appendingPathComponent("prometheus/prometheus.yml")
        let dockerfile = dir.appendingPathComponent("services/fastapi_app/Dockerfile")
        try TestSupport.read(prom).replacingOccurrences(of: "scrape_interval: 15s", with: "scrape_interval: 10s")
            .write(to: prom, atomically: true, encoding: .utf8)
        try TestSupport.read(dockerfile).replacingOccurrences(of: "FROM python:3.11-slim", with: "FROM python:3.12-slim")
            .write(to: dockerfile, atomically: true, encoding: .utf8)

        // Template version 3 changes another line of prometheus.yml and the same line of the Dockerfile.
        let templates = content.appendingPathComponent("templates/lab1")
        let tProm = templates.appendingPathComponent("prometheus/prometheus.yml")
        try TestSupport.read(tProm).replacingOccurrences(of: "environment: 'dev'", with: "environment: 'course'")
            .write(to: tProm, atomically: true, encoding: .utf8)
        let tDocker = templates.appendingPathComponent("services/fastapi_app/Dockerfile")
        try TestSupport.read(tDocker).replacingOccurrences(of: "FROM python:3.11-slim", with: "FROM python:3.13-slim")
            .write(to: tDocker, atomically: true, encoding: .utf8)
        let spec = content.appendingPathComponent("labs/lab1/lab.yaml")
        try TestSupport.read(spec).replacingOccurrences(of: "version: 2", with: "version: 3")
            .write(to: spec, atomically: true, encoding: .utf8)

        let v2 = Catalog.load(root: content)
        XCTAssertEqual(try v2.requireLab("lab1").version, 3)
        let plan = try LabWriter(catalog: v2).planUpdate(directory: dir.path, given: [:])
        XCTAssertEqual(plan.previousVersion, 2)
        XCTAssertEqual(plan.entries(.merge).map(\.path), ["prometheus/prometheus.yml"])
        XCTAssertEqual(plan.entries(.conflict).map(\.path), ["services/fastapi_app/Dockerfile"])
        try LabWriter(catalog: v2).apply(plan)

        let merged = try TestSupport.read(prom)
        XCTAssertTrue(merged.contains("scrape_interval: 10s"), "the student's edit is kept")
        XCTAssertTrue(merged.contains("environment: 'course'"), "the template's change is applied")
        let conflicted = try TestSupport.read(dockerfile)
        XCTAssertTrue(conflicted.contains("<<<<<<< ours (your file)\nFROM python:3.12-slim\n=======\nFROM python:3.13-slim\n>>>>>>> theirs (template lab1 v3)\n"),
                      conflicted)
        let answers = try LabAnswers.parse(try TestSupport.read(dir.appendingPathComponent(LabAnswers.path)), file: "a")
        XCTAssertEqual(answers.version, 3)
        let base = try TestSupport.read(dir.appendingPathComponent(LabAnswers.baseFolder + "/prometheus/prometheus.yml"))
        XCTAssertTrue(base.contains("environment: 'course'") && base.contains("scrape_interval: 15s"), "base is the new render")
    }

    func testUpdateKeepsStudentEditWhenTemplateDidNotChange() throws {
        let catalog = try TestSupport.catalog()
        let writer = LabWriter(catalog: catalog)
        let lab = try catalog.requireLab("lab7")
        let dir = try TestSupport.temporaryDirectory(self).appendingPathComponent("u1")
        try writer.apply(try writer.plan(lab, directory: dir.path, given: TestSupport.exampleValues(lab), force: false))
        let rules = dir.appendingPathComponent("prometheus/alert_rules.yml")
        let original = try TestSupport.read(rules)
        XCTAssertTrue(original.contains("for: 1m"))
        let edited = original.replacingOccurrences(of: "for: 1m", with: "for: 2m")
        try edited.write(to: rules, atomically: true, encoding: .utf8)

        let plan = try writer.planUpdate(directory: dir.path, given: [:])
        XCTAssertEqual(plan.entries(.keep).map(\.path), ["prometheus/alert_rules.yml"])
        XCTAssertFalse(plan.entries(.unchanged).map(\.path).contains("prometheus/alert_rules.yml"))
        XCTAssertTrue(plan.summary(dryRun: false).contains("keep      prometheus/alert_rules.yml\n"), plan.summary(dryRun: false))
        XCTAssertTrue(plan.diffs().contains("+    for: 1m") || plan.diffs().contains("+        for: 1m"), plan.diffs())
        try writer.apply(plan)
        XCTAssertEqual(try TestSupport.read(rules), edited, "the student's edit is kept")
        // The base stays the template render, so a later template change still merges.
        let base = try TestSupport.read(dir.appendingPathComponent(LabAnswers.baseFolder + "/prometheus/alert_rules.yml"))
        XCTAssertEqual(base, original)
    }

    func testUpdateNeedsAnswers() throws {
        let catalog = try TestSupport.catalog()
        let dir = try TestSupport.temporaryDirectory(self)
        XCTAssertThrowsError(try LabWriter(catalog: catalog).planUpdate(directory: dir.path, given: [:])) { error in
            XCTAssertEqual("\(error)", "\(dir.path) was not written by labctl init (no .labctl/answers.yaml); run labctl init LAB \(dir.path) first")
        }
    }
}
