import Foundation
import LabCatalog

/// `labctl-bench copies [STUDENTS]`: a generated Práctica 26 class of STUDENTS (default 30) with
/// known copies of each kind (``CopyScenario``: prefix-replaced folders, cross-domain copies,
/// renamed variables, metrics without prefix; the rest honest), verified as `labctl students
/// verify` does; prints precision and recall (students and pairs), the time to verify and the
/// time per student.
enum CopyDetectionBenchmark {
    static func run(_ arguments: [String]) throws {
        let count = max(2, arguments.first.flatMap(Int.init) ?? 30)
        let catalog = try Catalog.installed(environment: ProcessInfo.processInfo.environment)
        let domains = try DomainCatalog.load(root: catalog.root)
        let spec = try catalog.requireLab("practica26")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-bench-copies-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: root) }
        let setup = Date()
        let scenario = try CopyScenario.write(count: count, catalog: catalog, domains: domains, to: root.path)
        let copies = scenario.students.filter { $0.kind != .honest }.count
        print(String(format: "class of %d (%d copies or unprefixed) written in %.2fs", count, copies, Date().timeIntervalSince(setup)))
        let start = Date()
        let report = try SubmissionVerifier(catalog: catalog, domains: domains, spec: spec)
            .verify(roster: scenario.roster, submissions: scenario.submissions)
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "copies: %d students, %d files, %d findings, %d similar pairs in %.2fs (%.1f ms/student)",
                     count, report.files.count, report.diagnostics.count, report.pairs.count, seconds,
                     seconds * 1_000 / Double(count)))
        print("copies: \(scenario.score(report))")
        print("maxrss: \(StorageBenchmark.maxRSSKiB()) KiB")
    }
}
