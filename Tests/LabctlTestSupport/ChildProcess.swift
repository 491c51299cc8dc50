import Foundation

/// Runs a program as a child process with the given input, collecting both output streams
/// concurrently (a full pipe can never block the child) and killing it past a time limit.
public enum ChildProcess {
    // MARK: - Running

    /// Runs `executable` with `arguments`, writing `stdin` to its standard input.
    /// - Parameters:
    ///   - environment: the child's whole environment; nil inherits the test process's.
    ///   - directory: the child's working directory; nil inherits the test process's.
    ///   - timeout: seconds after which the child is terminated (then killed) and `timedOut` is set.
    public static func run(_ executable: String, arguments: [String], stdin: String = "",
                    environment: [String: String]? = nil, directory: URL? = nil,
                    timeout: TimeInterval = 600) throws -> RunResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()

        let outData = LockedData(), errData = LockedData()
        let streams = DispatchGroup()
        let outHandle = output.fileHandleForReading, errHandle = errors.fileHandleForReading
        DispatchQueue.global().async(group: streams) { outData.set(outHandle.readDataToEndOfFile()) }
        DispatchQueue.global().async(group: streams) { errData.set(errHandle.readDataToEndOfFile()) }
        let writer = input.fileHandleForWriting
        let bytes = Data(stdin.utf8)
        DispatchQueue.global().async(group: streams) {
            if !bytes.isEmpty { try? writer.write(contentsOf: bytes) }
            try? writer.close()
        }

        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
        }
        streams.wait()
        return RunResult(status: process.terminationStatus, stdout: String(decoding: outData.value, as: UTF8.self),
                         stderr: String(decoding: errData.value, as: UTF8.self), timedOut: timedOut)
    }
}

// MARK: - Data handed over from a reader

/// Data set once by a reader on another queue.
private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func set(_ value: Data) { lock.withLock { data = value } }
    var value: Data { lock.withLock { data } }
}
