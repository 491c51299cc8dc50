import Diagnostics
import Foundation
import Grading
import LabCatalog

/// `labctl grade LAB --roster FILE --submissions DIR --out DIR`: grades a whole class and writes the
/// gradebook, one report per student and the class summary.
enum GradeClassRun {
    static func run(_ arguments: ParsedArguments, _ console: Console, spec: LabSpec, catalog: Catalog,
                    language: GradingLanguage) throws -> ExitCode {
        let path = arguments.path.map(\.name)
        guard let rosterPath = arguments.value("roster") else { throw CLIError.usage("missing --roster FILE", commandPath: path) }
        guard let submissions = arguments.value("submissions") else {
            throw CLIError.usage("--roster needs --submissions DIR (one folder per student id)", commandPath: path)
        }
        guard let outDir = arguments.value("out") else { throw CLIError.usage("--roster needs --out DIR", commandPath: path) }
        let jobs = try positiveInt(arguments, "jobs", default: ProcessInfo.processInfo.activeProcessorCount, path)
        let timeLimit = try positiveInt(arguments, "time-limit", default: 60, path)
        let memoryLimit = try positiveInt(arguments, "memory-limit", default: 2048, path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: submissions, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError.failure("\(submissions) is not a directory")
        }
        let domains: DomainCatalog
        do { domains = try DomainCatalog.load(root: catalog.root) } catch let error as CatalogError { throw CLIError.failure(error.message) }
        let (loaded, diagnostics) = Roster.load(path: rosterPath, domains: domains)
        if !diagnostics.isEmpty {
            _ = console.emit(DiagnosticReport(files: [rosterPath], diagnostics: diagnostics), format: .text, lintFatal: false,
                             sources: SourceCache())
        }
        guard let roster = loaded, !diagnostics.contains(where: { $0.severity == .error }) else { return .failure }
        var students: [ClassStudent] = []
        for s in roster.students {
            do {
                let assignment = try StudentAssignment.assign(s, domains: domains)
                students.append(ClassStudent(id: s.id, name: s.name, values: assignment.values(for: spec)))
            } catch let error as CatalogError {
                throw CLIError.failure("\(s.location): student \(s.id): \(error.message)")
            }
        }
        let executable = arguments.value("grader") ?? CommandLine.arguments[0]
        let runner = ProcessSubmissionRunner(executable: executable, lab: spec.id, language: language,
                                             timeLimit: Double(timeLimit), memoryLimitMiB: memoryLimit)
        let tty = console.stderrIsTerminal
        let start = Date()
        var report = ClassGrader(spec: spec, runner: runner, jobs: jobs).grade(students, submissions: submissions) { done, total, grade in
            let what = grade.status == .graded ? Gradebook.number(grade.points) : grade.status.rawValue
            if tty {
                let width = 30, filled = total > 0 ? done * width / total : width
                console.err("\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
                            + "] \(done)/\(total) \(grade.studentID) \(what)\u{1B}[K" + (done == total ? "\n" : ""))
            } else {
                console.err("[\(done)/\(total)] \(grade.studentID): \(what)\n")
            }
        }
        // Copies: the findings of `labctl students verify`, as flags that never change a score.
        if spec.parameters.contains(where: { $0.name == "prefix" }) {
            CopyFlags.apply(to: &report, roster: roster, submissions: submissions,
                            verifier: SubmissionVerifier(catalog: catalog, domains: domains, spec: spec))
        }
        let seconds = Date().timeIntervalSince(start)
        do {
            try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
            let reports = (outDir as NSString).appendingPathComponent("reports")
            try FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: true)
            for s in report.students {
                guard let r = s.report else { continue }
                // The text report is the student's: hidden feedback only once the grades are released.
                try write(PlainTextReport(language: language, showHidden: arguments.flag("release"), colour: false).render(r),
                          (reports as NSString).appendingPathComponent("\(s.studentID).txt"))
                try write(JSONReport(showHidden: true).render(r), (reports as NSString).appendingPathComponent("\(s.studentID).json"))
            }
            try write(Gradebook().render(report), (outDir as NSString).appendingPathComponent("gradebook.csv"))
            let summary = ClassSummary(language: language).render(report)
            try write(summary, (outDir as NSString).appendingPathComponent("summary.txt"))
            console.out(summary)
        } catch {
            throw CLIError.failure("cannot write to \(outDir): \(error.localizedDescription)")
        }
        if let old = arguments.value("compare") {
            guard let data = FileManager.default.contents(atPath: old), data.count <= 16 << 20 else {
                throw CLIError.failure("cannot read \(old)")
            }
            do {
                let comparison = try GradebookComparison(old: String(decoding: data, as: UTF8.self), file: old, report: report)
                console.out("\n" + language.say("Changes since \(old)") + "\n" + comparison.render())
            } catch let error as GraderError {
                throw CLIError.failure(error.message)
            }
        }
        let rate = seconds > 0 ? Double(report.students.count) / seconds : 0
        console.err(language.say("\(report.students.count) students in \(String(format: "%.1f", seconds)) s (\(String(format: "%.1f", rate))/s); reports in \(outDir)\n"))
        return .success
    }

    private static func positiveInt(_ arguments: ParsedArguments, _ name: String, default value: Int, _ path: [String]) throws -> Int {
        guard let text = arguments.value(name) else { return max(1, value) }
        guard let n = Int(text), n > 0, n <= 1_000_000 else {
            throw CLIError.usage("--\(name) takes a positive whole number, got \"\(text)\"", commandPath: path)
        }
        return n
    }

    private static func write(_ text: String, _ path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
