import Foundation
import XCTest

/// Finds installed tools (promtool, amtool, python3, gzip, chromium …) for the tests that compare with
/// them; those tests skip cleanly when a tool is missing.
public enum ToolLocator {
    /// Folders searched after `PATH` (a test runner may be started with a short `PATH`).
    static let fallbackDirectories = ["/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin"]

    /// The path of the executable `name` in a `PATH` folder or a usual one, or nil.
    public static func path(_ name: String) -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for directory in path + fallbackDirectories where !directory.isEmpty {
            let candidate = directory + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The path of `name`, or an `XCTSkip` saying it is not installed.
    public static func require(_ name: String) throws -> String {
        guard let found = path(name) else { throw XCTSkip("\(name) is not installed (not on PATH)") }
        return found
    }
}
