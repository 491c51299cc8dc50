import XCTest
@testable import LabCatalog

/// `students verify`: copies between submissions, missing prefixes, near-identical pairs.
final class StudentVerifierTests: XCTestCase {
    private struct Setup {
        var catalog: Catalog
        var domains: DomainCatalog
        var roster: Roster
        var output: URL
        var verifier: SubmissionVerifier
    }

    private func setup(_ count: Int) throws -> Setup {
        let catalog = try TestSupport.catalog()
        let domains = try DomainCatalog.load(root: catalog.root)
        let (roster, _) = Roster.parse(StudentGeneratorTests.roster(count), file: "roster.csv", domains: domains)
        let output = try TestSupport.temporaryDirectory(self)
        let generator = StudentGenerator(catalog: catalog, domains: domains)
        let lab = try catalog.requireLab("practica26")
        let unwrapped = try XCTUnwrap(roster)
        try generator.apply(try generator.plan(lab, roster: unwrapped, output: output.path, keys: nil, force: false),
                            output: output.path)
        return Setup(catalog: catalog, domains: domains, roster: unwrapped, output: output,
                     verifier: SubmissionVerifier(catalog: catalog, domains: domains, spec: lab))
    }

    func testGeneratedClassHasNoFindings() throws {
        let s = try setup(30)
        let report = try s.verifier.verify(roster: s.roster, submissions: s.output.path)
        XCTAssertEqual(report.checked.count, 30)
        XCTAssertEqual(report.diagnostics.map(\.description), [])
        XCTAssertEqual(report.copiedFiles, 0)
    }

    func testCopiedFileMissingPrefixAndSimilarPair() throws {
        let s = try setup(4)
        let ids = s.roster.students.map(\.id)
        let dir = { (id: String) in s.output.appendingPathComponent(id) }
        // Student 1 hands in student 0's alert rules.
        try FileManager.default.removeItem(at: dir(ids[1]).appendingPathComponent("alert_rules.yml"))
        try FileManager.default.copyItem(at: dir(ids[0]).appendingPathComponent("alert_rules.yml"),
                                         to: dir(ids[1]).appendingPathComponent("alert_rules.yml"))
        // Students 2 and 3 add the same 40 lines, each with their own prefix.
        for index in [2, 3] {
            let prefix = s.roster.students[index].prefix
            var text = "from prometheus_client import Counter\n"
            for i in 0..<40 { text += "step_\(i) = Counter('\(prefix)_step_\(i)_total', 'paso \(i) del flujo', ['fase'])\n" }
            try text.write(to: dir(ids[index]).appendingPathComponent("monitoring/steps.py"), atomically: true, encoding: .utf8)
        }
        // Student 0 removed the prefix from prometheus.yml.
        let prom = dir(ids[0]).appendingPathComponent("prometheus.yml")
        try TestSupport.read(prom).replacingOccurrences(of: "fastapi-ana0-lab", with: "fastapi")
            .write(to: prom, atomically: true, encoding: .utf8)
        // A binary file and a stray directory are ignored / reported.
        try Data([0, 1, 2, 3]).write(to: dir(ids[2]).appendingPathComponent("image.png"))
        try FileManager.default.createDirectory(at: s.output.appendingPathComponent("intruso"), withIntermediateDirectories: true)

        let report = try s.verifier.verify(roster: s.roster, submissions: s.output.path)
        let codes = report.diagnostics.map { "\($0.code) \(($0.location?.file as NSString?)?.lastPathComponent ?? "")" }
        XCTAssertEqual(report.copiedFiles, 1)
        let copies = report.diagnostics.filter { $0.code == "students/foreign-prefix" }
        XCTAssertEqual(copies.count, 1, "\(copies): one finding per file and student")
        XCTAssertTrue(copies.allSatisfy { $0.location?.file.hasSuffix("\(ids[1])/alert_rules.yml") ?? false })
        XCTAssertEqual(copies.first?.location?.line, 3)
        let more = try XCTUnwrap(copies.first?.notes.first)
        XCTAssertTrue(more.message.hasSuffix(" more occurrences of \(ids[0])'s prefix in this file"), more.message)
        let count = Int(more.message.prefix { $0.isNumber }) ?? 0
        XCTAssertGreaterThan(count, 1, more.message)
        XCTAssertGreaterThan(more.location?.line ?? 0, 3)
        XCTAssertTrue(copies.first?.message.contains("prefix of student \(ids[0])") ?? false)
        XCTAssertTrue(codes.contains("students/missing-prefix prometheus.yml"), "\(codes)")
        XCTAssertTrue(codes.contains("students/unknown-submission intruso"), "\(codes)")
        XCTAssertEqual(report.pairs.map { [$0.first, $0.second] }, [[ids[2], ids[3]]])
        XCTAssertEqual(report.pairs.first?.score ?? 0, 1, accuracy: 0.001)
        let similar = try XCTUnwrap(report.diagnostics.first { $0.code == "students/similar" })
        XCTAssertEqual(similar.location?.file, dir(ids[3]).appendingPathComponent("monitoring/steps.py").path)
        XCTAssertEqual(similar.location.map { [$0.line, $0.column] }, [1, 1])
        let firstFile = dir(ids[2]).appendingPathComponent("monitoring/steps.py").path
        XCTAssertEqual(similar.notes.map(\.message),
                       ["most similar files: \(firstFile) and \(dir(ids[3]).appendingPathComponent("monitoring/steps.py").path) (similarity 1.00)"])
        XCTAssertEqual(similar.notes.first?.location?.file, firstFile)
    }

    func testMissingSubmissionAndSizeCap() throws {
        var s = try setup(3)
        try FileManager.default.removeItem(at: s.output.appendingPathComponent(s.roster.students[2].id))
        let big = s.output.appendingPathComponent(s.roster.students[0].id).appendingPathComponent("big.txt")
        try String(repeating: "x", count: 4_096).write(to: big, atomically: true, encoding: .utf8)
        s.verifier.limits = SubmissionFiles.Limits(maxFileBytes: 2_048)
        let report = try s.verifier.verify(roster: s.roster, submissions: s.output.path)
        XCTAssertEqual(report.checked.count, 2)
        XCTAssertTrue(report.diagnostics.contains { $0.code == "students/missing-submission" && $0.location?.line == 4 })
        XCTAssertTrue(report.diagnostics.contains { $0.code == "students/skipped" && $0.location?.file.hasSuffix("big.txt") == true })
    }

    func testPrefixIndexForms() {
        let index = PrefixIndex(owners: [.init(prefix: "ana_shop"), .init(prefix: "bob", entity: "cita")])
        let text = "rate(ana_shop_requests_total[5m])\njob: fastapi-ana-shop\nalert: AnaShopHighCPU\nprometheus_ana_shop banana_shop ANA_SHOP\nBob cita citas bob_x"
        let found = index.occurrences(in: text).map { "\($0.text)@\($0.line):\($0.column)" }
        XCTAssertEqual(found, ["ana_shop@1:6", "ana-shop@2:14", "AnaShop@3:8", "ANA_SHOP@4:33", "cita@5:5", "bob@5:16"])
        XCTAssertEqual(index.replacing(in: "x ana_shop_total y") { _ in "P" }, "x P_total y")
    }

    func testShingleSimilarity() {
        var a = ShingleSet(), b = ShingleSet(), c = ShingleSet()
        a.add("def f(x): return x + 1 if x > 0 else x - 1")
        b.add("def f(x): return x + 1 if x > 0 else x - 1")
        c.add("class Cache: pass # something completely different here")
        XCTAssertEqual(a.jaccard(b), 1, accuracy: 1e-9)
        XCTAssertLessThan(a.jaccard(c), 0.1)
        XCTAssertEqual(ShingleSet().jaccard(ShingleSet()), 0)
    }
}
