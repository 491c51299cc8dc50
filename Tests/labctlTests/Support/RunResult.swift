import Foundation

/// What a finished command wrote and how it ended, from a child process or an in-process run.
struct RunResult {
    /// The exit status (or the terminating signal's number when killed).
    let status: Int32
    /// Everything written to standard output, decoded as UTF-8.
    let stdout: String
    /// Everything written to standard error, decoded as UTF-8.
    let stderr: String
    /// True when the run was killed because it exceeded its time limit.
    var timedOut = false
}
