import Foundation
import XCTest
@testable import LabCatalog

/// `students verify` on a generated 30-student Práctica 26 class with known copies of each kind
/// (``CopyScenario``): every copy is flagged, no honest student or pair is.
final class CopyDetectionTests: XCTestCase {
    private func scenario(_ count: Int) throws -> (CopyScenario, SubmissionVerifier) {
        let catalog = try TestSupport.catalog()
        let domains = try DomainCatalog.load(root: catalog.root)
        let root = try TestSupport.temporaryDirectory(self)
        let scenario = try CopyScenario.write(count: count, catalog: catalog, domains: domains, to: root.path)
        return (scenario, SubmissionVerifier(catalog: catalog, domains: domains, spec: try catalog.requireLab("practica26")))
    }

    func testThirtyStudentClassPrecisionAndRecall() throws {
        let (scenario, verifier) = try scenario(30)
        let kinds = Dictionary(grouping: scenario.students, by: \.kind)
        for kind in CopyScenario.Kind.allCases where kind != .honest {
            XCTAssertEqual(kinds[kind]?.count, 2, "two students of kind \(kind.rawValue)")
        }
        let start = Date()
        let report = try verifier.verify(roster: scenario.roster, submissions: scenario.submissions)
        let seconds = Date().timeIntervalSince(start)
        let score = scenario.score(report)
        print("students verify on 30 students (\(kinds[.honest]?.count ?? 0) honest): \(score) in \(String(format: "%.2f", seconds))s")
        XCTAssertEqual(score.studentPrecision, 1, score.description)
        XCTAssertEqual(score.studentRecall, 1, score.description)
        XCTAssertEqual(score.pairPrecision, 1, score.description)
        XCTAssertEqual(score.pairRecall, 1, score.description)

        func codes(_ id: String) -> Set<String> {
            Set(report.diagnostics.filter { $0.location?.file.contains("/entregas/\(id)/") ?? false }.map(\.code))
        }
        // Each kind is caught by what it leaves behind.
        for s in kinds[.prefixReplaced] ?? [] {
            XCTAssertTrue(codes(s.id).isSuperset(of: ["students/foreign-student", "students/foreign-domain"]), "\(s.id): \(codes(s.id))")
        }
        for s in kinds[.crossDomain] ?? [] {
            XCTAssertTrue(codes(s.id).contains("students/foreign-domain"), "\(s.id): \(codes(s.id))")
            XCTAssertFalse(codes(s.id).contains("students/foreign-student"), "the copier replaced the id: \(codes(s.id))")
        }
        for s in kinds[.renamedVariables] ?? [] {
            let pair = try XCTUnwrap(report.pairs.first { Set([$0.first, $0.second]) == Set([s.id, s.source ?? ""]) }, s.id)
            XCTAssertLessThan(pair.textual, verifier.threshold, "only the structure gives it away: \(pair)")
            XCTAssertGreaterThanOrEqual(pair.structural, verifier.threshold, "\(pair)")
            XCTAssertFalse(codes(s.id).contains { $0.hasPrefix("students/foreign-") }, "every value replaced: \(codes(s.id))")
        }
        for s in kinds[.noPrefix] ?? [] {
            XCTAssertTrue(codes(s.id).contains("students/unprefixed-metric"), "\(s.id): \(codes(s.id))")
        }
        for s in kinds[.prefixReplaced] ?? [] {
            let pair = try XCTUnwrap(report.pairs.first { Set([$0.first, $0.second]) == Set([s.id, s.source ?? ""]) }, s.id)
            XCTAssertGreaterThanOrEqual(pair.textual, 0.99, "the prefix-replaced folder is the same text once normalised: \(pair)")
        }
    }

    func testGeneratedWorkUsesNoWordOfTheDomainCatalogue() throws {
        let domains = try DomainCatalog.load(root: try TestSupport.catalog().root)
        let values = Set(domains.domains.flatMap { [$0.id, $0.counter, $0.gauge] + $0.entities + $0.suggested })
        let words = Set(CopyScenario.OwnWork.words + CopyScenario.OwnWork.prose)
        XCTAssertEqual(words.intersection(values), [], "an honest student's generated work must not name another domain")
    }

    func testForeignDomainIsReportedAtTheOccurrence() throws {
        let (scenario, verifier) = try scenario(15)
        let copier = try XCTUnwrap(scenario.students.first { $0.kind == .prefixReplaced })
        let source = try XCTUnwrap(copier.source)
        let report = try verifier.verify(roster: scenario.roster, submissions: scenario.submissions)
        let main = (scenario.submissions as NSString).appendingPathComponent("\(copier.id)/main.py")
        let text = try String(contentsOfFile: main, encoding: .utf8)
        let domain = try XCTUnwrap(report.diagnostics.first { $0.code == "students/foreign-domain" && $0.location?.file == main })
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try XCTUnwrap(domain.location.map { lines[$0.line - 1] })
        XCTAssertTrue(line.contains("\"domain\": \""), String(line))
        let column = try XCTUnwrap(domain.location?.column)
        let word = String(line.dropFirst(column - 1).prefix { $0 != "\"" })
        XCTAssertTrue(domain.message.hasPrefix("\"\(word)\" is the domain of"), domain.message)
        XCTAssertEqual(domain.severity, .error)
        XCTAssertTrue(report.diagnostics.contains { $0.code == "students/foreign-student" && $0.location?.file == main
            && $0.message.contains(source) }, "the source's id in the docstring")
    }

    func testUnprefixedMetrics() {
        let key = [AnswerKey.Metric(name: "ana_requests_total", type: "counter", file: "monitoring/metrics.py"),
                   AnswerKey.Metric(name: "ana_response_duration_seconds", type: "histogram", file: "monitoring/metrics.py")]
        let check = UnprefixedMetricCheck(prefix: "ana", metrics: key)
        let python = "a = Counter('requests_total', 'x')\nb = Gauge(f'{prefix}_ok', 'y')\nc = Gauge(\"ana_fine\", 'z')\nself.requests_total.inc()\n"
        XCTAssertEqual(check.check(python, file: "m.py").map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)" },
                       ["1:14 the Counter \"requests_total\" has no prefix: name it ana_requests_total (every metric of the lab starts with your prefix ana)"])
        let rules = "expr: rate(requests_total[5m]) > 1\nsummary: requests_total is high\n  x: histogram_quantile(0.9, rate(response_duration_seconds_bucket[5m]))\nexpr: http_requests_total\n"
        XCTAssertEqual(check.check(rules, file: "alert_rules.yml").map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" },
                       ["1:12", "3:35"])
        XCTAssertEqual(check.check(rules, file: "docs/notes.md").count, 0, "prose may name metrics")
    }

    func testVocabularyNormalisesEveryForm() {
        let vocabulary = RosterVocabulary(owners: [
            [.prefix: ["ana_shop"], .student: ["ana.1"], .project: ["ana_shop_api"], .domain: ["salud"], .entity: ["cita"]],
            [.prefix: ["bob"], .domain: ["salud"], .entity: ["paciente"]],
        ])
        XCTAssertEqual(vocabulary.normalised("job: fastapi-ana-shop # ana.1 AnaShopHighCPU ANA_SHOP ana_shop_api saludable Salud create_cita"),
                       "job: fastapi-LABCTL_PREFIX # LABCTL_STUDENT LABCTL_PREFIXHighCPU LABCTL_PREFIX LABCTL_PROJECT saludable LABCTL_DOMAIN create_LABCTL_ENTITY")
        let salud = vocabulary.entries.first { $0.text == "salud" }
        XCTAssertEqual(salud?.owners, [0, 1], "a domain belongs to every student of it")
        XCTAssertEqual(vocabulary.occurrences(in: "x\n  \"domain\": \"salud\"").map { [$0.line, $0.column] }, [[2, 14]])
    }

    func testStructuralTokensIgnoreNamesAndComments() {
        let a = SubmissionTokens.structural("def total(items):  # suma\n    acc = items * 3\n    return f'{acc} x'\n")
        let b = SubmissionTokens.structural("def suma(lista):\n    s = lista * 3\n    return f'{s} x'\n")
        let c = SubmissionTokens.structural("def suma(lista):\n    s = lista * 4\n    return f'{s} x'\n")
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, c, "numbers are kept")
        var x = Fingerprints(), y = Fingerprints()
        x.add(tokens: Array(0..<100), k: 5, window: 4)
        y.add(tokens: Array(50..<150), k: 5, window: 4)
        XCTAssertGreaterThan(x.jaccard(y), 0.2)
        XCTAssertLessThan(x.jaccard(y), 0.5)
        var z = Fingerprints()
        z.add(tokens: Array(0..<100), k: 5, window: 4, excluding: Set(Fingerprints.kgrams(Array(0..<100), k: 5)))
        XCTAssertEqual(z.count, 0, "the baseline is subtracted")
        // Broken input: unterminated strings and braces, a lone backslash, no values at all.
        XCTAssertEqual(SubmissionTokens.structural("x = '''never closed\n{{").count, 3)
        XCTAssertEqual(SubmissionTokens.structural("f'{a\\").count, 1)
        XCTAssertEqual(RosterVocabulary(owners: []).normalised("ana_shop"), "ana_shop")
        XCTAssertEqual(UnprefixedMetricCheck(prefix: "ana", metrics: []).check("Counter(", file: "m.py").count, 0)
    }
}
