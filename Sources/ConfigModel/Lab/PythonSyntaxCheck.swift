import Diagnostics
import Foundation

/// Syntax errors in the lab's Python sources (`main.py`, `monitoring/*.py`, the services' apps), found
/// by the machine's `python3` compiling each file as `python3 -m py_compile` does (without writing
/// `__pycache__` into the lab). When `python3` is not installed the check is skipped with a note.
///
/// Triggers: `def index(:` in `main.py` (error at the line and column Python reports).
/// Does not trigger: a file that compiles; files whose errors only show at run time.
public struct PythonSyntaxCheck: Sendable {
    public static let syntaxErrorCode = "python/syntax-error"
    public static let skippedCode = "python/not-checked"
    /// The longest a compile of all files may take before the child is killed.
    static let timeLimit: TimeInterval = 20
    static let maxOutputBytes = 1 << 20

    /// Compiles each file and prints `path<TAB>line<TAB>column<TAB>message` for the syntax errors.
    static let script = """
    import sys
    for p in sys.argv[1:]:
        try:
            with open(p, 'rb') as f:
                compile(f.read(), p, 'exec', dont_inherit=True)
        except SyntaxError as e:
            msg = (e.msg or 'invalid syntax').replace('\\t', ' ').replace('\\n', ' ')
            print(p + '\\t' + str(e.lineno or 1) + '\\t' + str(e.offset or 1) + '\\t' + msg)
        except (OSError, ValueError) as e:
            pass
    """

    /// Where `python3` is looked for, in order (`$PATH` first).
    public var searchPath: [String]

    public init(searchPath: [String]? = nil) {
        self.searchPath = searchPath
            ?? (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
    }

    /// The `python3` executable, when there is one.
    public var python: String? {
        searchPath.map { LabPath.join($0, "python3") }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Findings for `files`: syntax errors at their positions, or one note that the check was skipped.
    public func check(files: [String]) -> [Diagnostic] {
        guard !files.isEmpty else { return [] }
        guard let python else {
            return [Diagnostic(.info, code: Self.skippedCode,
                               "python3 is not installed: the syntax of \(files.count) Python file(s) was not checked",
                               at: SourceLocation(file: files[0], line: 1, column: 1))]
        }
        guard let output = run(python, files) else {
            return [Diagnostic(.info, code: Self.skippedCode,
                               "python3 could not be run (or took longer than \(Int(Self.timeLimit)) s): the Python syntax was not checked",
                               at: SourceLocation(file: files[0], line: 1, column: 1))]
        }
        return output.split(separator: "\n").compactMap { line -> Diagnostic? in
            let parts = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count == 4, files.contains(String(parts[0])) else { return nil }
            let row = max(1, Int(parts[1]) ?? 1), column = max(1, Int(parts[2]) ?? 1)
            return .error(Self.syntaxErrorCode, "Python syntax error: \(parts[3]) (python3 -m py_compile fails; the service does not start)",
                          at: SourceLocation(file: String(parts[0]), line: row, column: column))
        }
    }

    /// Runs the compile script; `nil` when it cannot run or times out.
    private func run(_ python: String, _ files: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-I", "-B", "-c", Self.script] + files
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do { try process.run() } catch { return nil }
        // Read while the child runs so a full pipe cannot block it.
        var data = Data()
        let reader = pipe.fileHandleForReading
        let collected = DispatchSemaphore(value: 0)
        let box = DataBox()
        DispatchQueue.global().async {
            box.data = (try? reader.readToEnd()) ?? Data()
            collected.signal()
        }
        if done.wait(timeout: .now() + Self.timeLimit) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            done.wait()
            collected.wait()
            return nil
        }
        collected.wait()
        data = box.data.prefix(Self.maxOutputBytes)
        return String(decoding: data, as: UTF8.self)
    }
}

/// The output of the compile child, handed from the reading thread.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
