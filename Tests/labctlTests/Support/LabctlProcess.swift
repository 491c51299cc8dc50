import Foundation
import LabctlTestSupport
import XCTest

/// The built `labctl` binary run as a process, for end-to-end tests.
enum LabctlProcess {
    // MARK: - Locations

    /// The package root.
    static var packageRoot: URL { BuiltProduct.packageRoot }

    /// The built `labctl` (see ``BuiltProduct/url(_:)``); throws `XCTSkip` when not built.
    static func binary() throws -> URL { try BuiltProduct.url("labctl") }

    // MARK: - Running

    /// Runs the built `labctl` with `arguments`.
    /// - Parameters:
    ///   - environment: the whole environment of the child (no colours by default); nil inherits ours.
    ///   - directory: the working directory of the child; nil inherits ours.
    ///   - timeout: seconds after which labctl is killed and the result's `timedOut` is set.
    static func run(_ arguments: [String], stdin: String = "", environment: [String: String]? = ["NO_COLOR": "1"],
                    directory: URL? = nil, timeout: TimeInterval = 600) throws -> RunResult {
        try ChildProcess.run(try binary().path, arguments: arguments, stdin: stdin, environment: environment,
                             directory: directory, timeout: timeout)
    }
}

