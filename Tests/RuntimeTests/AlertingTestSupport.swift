import ConfigModel
import Foundation
import PromModel
import XCTest
@testable import Runtime

/// Helpers for the alerting tests: config loading, a fixed start time and alert builders.
enum AlertingTestSupport {
    /// 2024-01-01T00:00:00Z, a Monday.
    static let start = Date(timeIntervalSince1970: 1_704_067_200)

    static func config(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) throws -> AlertmanagerConfig {
        let (config, diagnostics) = AlertmanagerConfig.load(text: yaml, file: "alertmanager.yml").parts
        let errors = diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.description), [], file: file, line: line)
        return try XCTUnwrap(config, file: file, line: line)
    }

    static func route(_ yaml: String) throws -> AlertRoute {
        AlertRoute(config: try XCTUnwrap(try config(yaml).route))
    }

    static func alert(_ labels: Labels, at date: Date = start, endsAt: Date? = nil,
                      annotations: Labels = .empty) -> Alert {
        Alert(labels: labels, annotations: annotations, startsAt: date, endsAt: endsAt,
              generatorURL: "http://prometheus:9090/graph")
    }

    /// Seconds since ``start``.
    static func offset(_ date: Date) -> TimeInterval { date.timeIntervalSince(start) }
}
