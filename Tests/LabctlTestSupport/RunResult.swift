import Foundation

/// What a finished command wrote and how it ended, from a child process or an in-process run.
public struct RunResult: Sendable {
    /// The exit status (or the terminating signal's number when killed).
    public let status: Int32
    /// Everything written to standard output, decoded as UTF-8.
    public let stdout: String
    /// Everything written to standard error, decoded as UTF-8.
    public let stderr: String
    /// True when the run was killed because it exceeded its time limit.
    public var timedOut = false

    public init(status: Int32, stdout: String, stderr: String, timedOut: Bool = false) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
        self.timedOut = timedOut
    }
}
