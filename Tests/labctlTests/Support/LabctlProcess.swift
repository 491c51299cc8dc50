import Foundation
import XCTest

/// The built `labctl` binary run as a process, for end-to-end tests.
enum LabctlProcess {
    // MARK: - Locations

    /// The package root, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `labctl` next to the test bundle (SwiftPM puts both in the same build directory), inside it,
    /// next to the test runner, else `<packageRoot>/.build/debug/labctl`; throws `XCTSkip` when not built.
    static func binary() throws -> URL {
        var directories: [URL] = []
        let bundle = Bundle(for: BundleMarker.self)
        directories.append(bundle.bundleURL.deletingLastPathComponent())
        directories.append(bundle.bundleURL)
        if let executable = Bundle.main.executableURL { directories.append(executable.deletingLastPathComponent()) }
        directories.append(packageRoot.appendingPathComponent(".build/debug"))
        for directory in directories {
            let candidate = directory.appendingPathComponent("labctl")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw XCTSkip("labctl binary not found next to the tests; run `swift build` first")
    }

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

/// A class of this test bundle, to find the bundle.
private final class BundleMarker {}
