import Foundation
import XCTest
@testable import LabCatalog
import LabctlTestSupport

/// Shared helpers: the installed catalogue and temporary folders.
enum TestSupport {
    /// The catalogue of the content built with the package.
    static func catalog() throws -> Catalog {
        let catalog = try Catalog.installed(environment: [:])
        let errors = catalog.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.description), [], "the catalogue has errors")
        return catalog
    }

    /// A fresh temporary folder, removed by the test's teardown.
    static func temporaryDirectory(_ test: XCTestCase) throws -> URL { try test.makeTemporaryDirectory(prefix: "labctl") }

    /// Values for a lab's parameters: their examples.
    static func exampleValues(_ spec: LabSpec) -> [String: String] {
        var values: [String: String] = [:]
        for p in spec.parameters where p.required { values[p.name] = p.example }
        return values
    }

    static func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }
}
