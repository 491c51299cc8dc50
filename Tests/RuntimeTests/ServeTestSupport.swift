import Foundation
import XCTest
@testable import Runtime

/// A lab directory in a temporary folder for the serve tests: prometheus.yml, rules and data.
struct ServeTestLab {
    let directory: URL

    init(config: String, files: [String: String] = [:]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try write("prometheus.yml", config)
        for (name, text) in files { try write(name, text) }
    }

    func write(_ name: String, _ text: String) throws {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    var options: ServeOptions { ServeOptions(configPath: path("prometheus.yml")) }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}
