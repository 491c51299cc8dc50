import Foundation
import XCTest

extension XCTestCase {
    // MARK: - Temporary directories

    /// A new empty directory under the system's temporary directory, removed when the test ends.
    public func makeTemporaryDirectory(prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
