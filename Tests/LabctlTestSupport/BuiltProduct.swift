import Foundation
import XCTest

/// The package's built executables (`labctl`, `labctl-bench`), for tests that run them as processes.
public enum BuiltProduct {
    /// The package root, from this file's path.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable `name` next to the test bundle (SwiftPM puts both in the same build directory),
    /// inside it, next to the test runner, else in `<packageRoot>/.build/debug`; throws `XCTSkip`
    /// when it is not built.
    public static func url(_ name: String) throws -> URL {
        var directories: [URL] = []
        let bundle = Bundle(for: BundleMarker.self)
        directories.append(bundle.bundleURL.deletingLastPathComponent())
        directories.append(bundle.bundleURL)
        if let executable = Bundle.main.executableURL { directories.append(executable.deletingLastPathComponent()) }
        directories.append(packageRoot.appendingPathComponent(".build/debug"))
        for directory in directories {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw XCTSkip("\(name) is not built next to the tests; run `swift build --build-tests` first")
    }
}

/// A class of the test bundle, to find the bundle.
private final class BundleMarker {}
