import Foundation
import Glibc
import Grading
import LabCatalog

/// `labctl-bench class-grade [STUDENTS] [JOBS] [LABCTL]`: a Práctica 26 class of STUDENTS (default
/// 30) with per-student variants (as `labctl students generate` assigns them), each folder the
/// student's reference solution, three with a seeded defect, one a copy of another's and one
/// missing; grades it as `labctl grade practica26 --roster --submissions` does (child processes of
/// the LABCTL binary, default `labctl` next to this one; in-process when there is none) and prints
/// submissions/s, wall time and peak memory (this process and the largest child).
enum ClassGradeBenchmark {
    static func run(_ arguments: [String]) throws {
        let count = arguments.first.flatMap(Int.init) ?? 30
        let jobs = arguments.dropFirst().first.flatMap(Int.init) ?? ProcessInfo.processInfo.activeProcessorCount
        let sibling = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("labctl").path
        let executable = arguments.dropFirst(2).first ?? (FileManager.default.isExecutableFile(atPath: sibling) ? sibling : nil)
        let catalog = try Catalog.installed(environment: ProcessInfo.processInfo.environment)
        let spec = try catalog.requireLab("practica26")
        let domains = try DomainCatalog.load(root: catalog.root)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-bench-class-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: root) }
        var rosterText = "id,name,prefix\n"
        for i in 0..<count { rosterText += "st\(i).x,Student \(i),st\(i)_lab\n" }
        let (loaded, diagnostics) = Roster.parse(rosterText, file: "roster.csv", domains: domains)
        guard let roster = loaded else { throw CatalogError("roster: \(diagnostics)") }
        let defects = try catalog.defects(for: spec.id)
        let submissions = root.appendingPathComponent("entregas")
        var students: [ClassStudent] = []
        let setupStart = Date()
        for (i, s) in roster.students.enumerated() {
            let values = try AnswerResolver(spec: spec).resolve(try StudentAssignment.assign(s, domains: domains).values(for: spec))
            students.append(ClassStudent(id: s.id, name: s.name, values: values))
            if i == count - 1 { continue }  // missing
            let defect = i % 10 == 3 && !defects.isEmpty ? defects[(i / 10) % defects.count] : nil
            try GradingExample.write(spec, catalog: catalog, values: values, defect: defect, to: submissions.appendingPathComponent(s.id))
        }
        if count > 2 {
            let copy = submissions.appendingPathComponent(students[1].id)
            try? FileManager.default.removeItem(at: copy)
            try FileManager.default.copyItem(at: submissions.appendingPathComponent(students[0].id), to: copy)
        }
        print(String(format: "class of %d written in %.2fs", count, Date().timeIntervalSince(setupStart)))
        let runner: any SubmissionRunner = executable.map {
            ProcessSubmissionRunner(executable: $0, lab: spec.id, language: .en, timeLimit: 60, memoryLimitMiB: 2048)
        } ?? InProcessSubmissionRunner(spec: spec, language: .en)
        let start = Date()
        var report = ClassGrader(spec: spec, runner: runner, jobs: jobs).grade(students, submissions: submissions.path)
        let gradeSeconds = Date().timeIntervalSince(start)
        CopyFlags.apply(to: &report, roster: roster, submissions: submissions.path,
                        verifier: SubmissionVerifier(catalog: catalog, domains: domains, spec: spec))
        let seconds = Date().timeIntervalSince(start)
        _ = Gradebook().render(report)
        var children = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &children)
        let graded = report.graded.count
        print(String(format: "class-grade (%@, %d jobs): %d students (%d graded, %d missing, %d grader errors, %d flagged) in %.2fs "
                     + "(grading %.2fs, copy check %.2fs) = %.1f submissions/s",
                     executable == nil ? "in-process" : "child processes", jobs, count, graded,
                     report.students.filter { $0.status == .missing }.count,
                     report.students.filter { $0.status == .graderError }.count,
                     report.students.filter { !$0.flags.isEmpty }.count,
                     seconds, gradeSeconds, seconds - gradeSeconds, Double(graded) / max(seconds, 1e-9)))
        print("maxrss: \(StorageBenchmark.maxRSSKiB()) KiB (this process), \(children.ru_maxrss) KiB (largest child)")
    }
}
