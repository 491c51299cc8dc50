import Foundation
import Glibc

/// Grades each submission in a child `labctl grade LAB DIR --format json` process with a time limit
/// (the child is killed by PID when it passes it) and a memory limit (`ulimit -v`), so a submission
/// that crashes, hangs or exhausts memory is a grader error for that student only.
public struct ProcessSubmissionRunner: SubmissionRunner {
    /// The labctl binary to run.
    public var executable: String
    public var lab: String
    public var language: GradingLanguage
    /// Seconds one submission may take.
    public var timeLimit: Double
    /// Mebibytes of address space one submission may use (0: no limit).
    public var memoryLimitMiB: Int
    /// The most bytes of report a child may print.
    public static let maxOutputBytes = 32 << 20

    public init(executable: String, lab: String, language: GradingLanguage, timeLimit: Double = 60, memoryLimitMiB: Int = 2048) {
        self.executable = executable
        self.lab = lab
        self.language = language
        self.timeLimit = timeLimit
        self.memoryLimitMiB = memoryLimitMiB
    }

    /// The child's arguments (after the executable).
    func arguments(_ student: ClassStudent, directory: String) -> [String] {
        var args = ["grade", lab, directory, "--format", "json", "--show-hidden", "--lang", language.rawValue]
        for (name, value) in student.values.sorted(by: { $0.key < $1.key }) { args += ["--set", "\(name)=\(value)"] }
        return args
    }

    public func grade(_ student: ClassStudent, directory: String) -> StudentGrade {
        let start = Date()
        func failed(_ english: String) -> StudentGrade {
            StudentGrade(studentID: student.id, name: student.name, status: .graderError,
                         error: language.say(english), seconds: Date().timeIntervalSince(start))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let limit = memoryLimitMiB > 0 ? "ulimit -v \(memoryLimitMiB * 1024) 2>/dev/null; " : ""
        process.arguments = ["-c", limit + "exec \"$0\" \"$@\"", executable] + arguments(student, directory: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-class-\(UUID().uuidString).json")
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-class-\(UUID().uuidString).err")
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: errors)
        }
        guard FileManager.default.createFile(atPath: output.path, contents: nil),
              FileManager.default.createFile(atPath: errors.path, contents: nil),
              let out = try? FileHandle(forWritingTo: output), let err = try? FileHandle(forWritingTo: errors) else {
            return failed("cannot create a temporary file")
        }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do { try process.run() } catch {
            return failed("cannot run \(executable): \(error)")
        }
        var timedOut = false
        if done.wait(timeout: .now() + timeLimit) == .timedOut {
            timedOut = true
            Self.killTree(process.processIdentifier)
            done.wait()
        }
        try? out.close()
        try? err.close()
        if timedOut {
            return failed("exceeded the limit of \(Int(timeLimit)) s per submission")
        }
        let stderrText = String(decoding: (try? Data(contentsOf: errors))?.prefix(2000) ?? Data(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if process.terminationReason == .uncaughtSignal {
            return failed("the grader died of signal \(process.terminationStatus) (memory limit of \(memoryLimitMiB) MiB?)")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int) ?? 0
        guard size <= Self.maxOutputBytes, let data = try? Data(contentsOf: output),
              process.terminationStatus == 0, let report = GradeReport.decode(json: data) else {
            let why = stderrText.isEmpty ? "exit \(process.terminationStatus)" : stderrText
            return failed("could not be graded: \(why)")
        }
        return StudentGrade(studentID: student.id, name: student.name, status: .graded, report: report,
                            seconds: Date().timeIntervalSince(start))
    }

    /// Kills `pid` and every process below it (a grader that started children), children first.
    static func killTree(_ pid: Int32, depth: Int = 0) {
        if depth < 16 {
            for child in children(of: pid) { killTree(child, depth: depth + 1) }
        }
        kill(pid, SIGKILL)
    }

    /// The children of `pid`, from /proc (empty where /proc is not there).
    static func children(of pid: Int32) -> [Int32] {
        let tasks = "/proc/\(pid)/task"
        guard let threads = try? FileManager.default.contentsOfDirectory(atPath: tasks) else { return [] }
        var out: [Int32] = []
        for thread in threads {
            guard let data = FileManager.default.contents(atPath: "\(tasks)/\(thread)/children") else { continue }
            out += String(decoding: data, as: UTF8.self).split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        return out
    }
}
