import XCTest
@testable import LabCatalog

/// `students generate`: 30 students, deterministic output, no leaks between variants, answer keys.
final class StudentGeneratorTests: XCTestCase {
    /// A roster of `count` students; every third row leaves domain and entity empty.
    static func roster(_ count: Int) -> String {
        let names = ["ana", "bruno", "carla", "diego", "elena", "fabio", "gala", "hugo", "ines", "jon"]
        var text = "id,name,prefix,domain,entity,email\r\n"
        for i in 0..<count {
            let first = names[i % names.count]
            let id = "\(first).\(i)"
            let prefix = "\(first)\(i)_lab"
            let domain = i % 3 == 0 ? "" : ["ecommerce", "salud", "educacion", "finanzas", "logistica"][i % 5]
            text += "\(id),\"\(first.capitalized) \(i), Apellido\",\(prefix),\(domain),,\(id)@example.org\r\n"
        }
        return text
    }

    private func generate(_ count: Int, into output: URL) throws -> (Roster, [StudentGenerator.StudentPlan]) {
        let catalog = try TestSupport.catalog()
        let domains = try DomainCatalog.load(root: catalog.root)
        let (roster, diagnostics) = Roster.parse(Self.roster(count), file: "roster.csv", domains: domains)
        XCTAssertEqual(diagnostics.map(\.description), [])
        let unwrapped = try XCTUnwrap(roster)
        let generator = StudentGenerator(catalog: catalog, domains: domains)
        let plans = try generator.plan(try catalog.requireLab("practica26"), roster: unwrapped, output: output.path,
                                       keys: nil, force: false)
        try generator.apply(plans, output: output.path)
        return (unwrapped, plans)
    }

    func testThirtyStudentsGetSeparateDirectoriesWithoutEachOthersPrefixes() throws {
        let output = try TestSupport.temporaryDirectory(self)
        let (roster, plans) = try generate(30, into: output)
        XCTAssertEqual(plans.count, 30)
        let directories = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { !$0.hasSuffix(".csv") }
        XCTAssertEqual(directories.sorted(), roster.students.map(\.id).sorted())
        let index = PrefixIndex(owners: roster.students.map { .init(prefix: $0.prefix) })
        for (owner, student) in roster.students.enumerated() {
            let dir = output.appendingPathComponent(student.id)
            let enumerator = FileManager.default.enumerator(atPath: dir.path)
            var files = 0
            while let path = enumerator?.nextObject() as? String {
                var isDirectory: ObjCBool = false
                let url = dir.appendingPathComponent(path)
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                let text = try TestSupport.read(url)
                files += 1
                for found in index.occurrences(in: text) {
                    XCTAssertEqual(found.owner, owner, "\(student.id)/\(path) contains \(found.text)")
                }
                for other in roster.students where other.id != student.id {
                    XCTAssertFalse(text.contains(other.prefix + "_"), "\(student.id)/\(path) contains \(other.prefix)")
                }
            }
            XCTAssertGreaterThanOrEqual(files, 12 + 12 + 2, "lab files, merge bases, answers and key")
            // Students get the starter; the answer key holds the reference solution's queries.
            let key = try TestSupport.read(dir.appendingPathComponent(AnswerKey.path))
            XCTAssertTrue(key.contains("\(student.prefix)_cpu_usage_percent > 80"), key)
            let metrics = try TestSupport.read(dir.appendingPathComponent("monitoring/metrics.py"))
            XCTAssertTrue(metrics.contains("TODO(labctl)") || metrics.contains(student.prefix), "a starter, personalised")
            let answers = try LabAnswers.parse(try TestSupport.read(dir.appendingPathComponent(LabAnswers.path)), file: "a")
            XCTAssertEqual(answers.values["prefix"], student.prefix)
        }
    }

    func testOutputIsDeterministicAndKeysAreComplete() throws {
        let first = try TestSupport.temporaryDirectory(self)
        let second = try TestSupport.temporaryDirectory(self)
        let (_, plans) = try generate(9, into: first)
        _ = try generate(9, into: second)
        for plan in plans {
            for path in [AnswerKey.path, LabAnswers.path, "main.py", "grafana/dashboards/api-dashboard.json"] {
                let a = try TestSupport.read(first.appendingPathComponent(plan.assignment.student.id).appendingPathComponent(path))
                let b = try TestSupport.read(second.appendingPathComponent(plan.assignment.student.id).appendingPathComponent(path))
                XCTAssertEqual(a, b, path)
            }
        }
        XCTAssertEqual(try TestSupport.read(first.appendingPathComponent("assignments.csv")),
                       try TestSupport.read(second.appendingPathComponent("assignments.csv")))
        let key = try XCTUnwrap(plans.first?.key)
        let prefix = key.prefix
        XCTAssertEqual(key.student, "ana.0")
        XCTAssertTrue(key.domainAssigned, "row 0 has no domain")
        for metric in ["_requests_total", "_response_duration_seconds", "_cpu_usage_percent", "_entities_created_total"] {
            XCTAssertTrue(key.metrics.contains { $0.name == prefix + metric }, metric)
        }
        let domain = try XCTUnwrap(try DomainCatalog.load(root: try TestSupport.catalog().root).domain(named: key.domain))
        XCTAssertTrue(key.metrics.contains { $0.name == "\(prefix)_\(domain.counter)_total" && $0.type == "counter" })
        XCTAssertTrue(key.metrics.contains { $0.name == "\(prefix)_\(domain.gauge)" && $0.type == "gauge" })
        XCTAssertTrue(domain.entities.contains(key.entity))
        XCTAssertEqual(key.alerts, ["Ana0LabApiDown", "Ana0LabHighCPU", "Ana0LabHighErrorRate", "Ana0LabHighResponseTime"])
        XCTAssertEqual(key.jobs, ["fastapi-ana0-lab"])
        XCTAssertEqual(key.containers, ["grafana_ana0_lab", "prometheus_ana0_lab"])
        XCTAssertTrue(key.queries.contains { $0.expr == "ana0_lab_cpu_usage_percent > 80" })
        XCTAssertTrue(key.prefixedFiles.contains("prometheus.yml"))
        XCTAssertTrue(key.yaml().contains("prefix: ana0_lab\n"))
    }

    func testAssignmentIsStableAndSpreadsOverDomains() throws {
        let domains = try DomainCatalog.load(root: try TestSupport.catalog().root)
        var seen = Set<String>()
        for i in 0..<200 {
            let student = RosterStudent(id: "s\(i)", name: "S", prefix: "s\(i)_x", domain: nil, entity: nil, email: nil,
                                        location: .init(file: "r", line: i + 2, column: 1))
            let a = try StudentAssignment.assign(student, domains: domains)
            let b = try StudentAssignment.assign(student, domains: domains)
            XCTAssertEqual(a, b)
            seen.insert(a.domain.id)
        }
        XCTAssertEqual(seen.count, domains.domains.count, "200 ids reach every domain")
        XCTAssertEqual(StudentAssignment.fnv1a("a"), 0xaf63_dc4c_8601_ec8c, "FNV-1a test vector")
    }

    func testLabWithoutPrefixAndLeakingPrefixesAreRefused() throws {
        let catalog = try TestSupport.catalog()
        let domains = try DomainCatalog.load(root: catalog.root)
        let generator = StudentGenerator(catalog: catalog, domains: domains)
        let (roster, _) = Roster.parse("id,prefix\nana,ana_x\n", file: "r.csv", domains: domains)
        XCTAssertThrowsError(try generator.plan(try catalog.requireLab("lab1"), roster: try XCTUnwrap(roster),
                                                output: "/tmp/unused", keys: nil, force: false))
        // "entities" is not reserved, but the practica26 files use it as a word (`'entities_created'`).
        let (leaky, diagnostics) = Roster.parse("id,prefix\nana,ana_x\nbob,entities\n", file: "r.csv", domains: domains)
        XCTAssertEqual(diagnostics, [])
        XCTAssertThrowsError(try generator.plan(try catalog.requireLab("practica26"), roster: try XCTUnwrap(leaky),
                                                output: "/tmp/unused", keys: nil, force: false)) { error in
            let found = (error as? StudentsError)?.diagnostics ?? []
            XCTAssertTrue(found.contains { $0.message.contains("the prefix of student bob") }, "\(found)")
        }
    }
}
