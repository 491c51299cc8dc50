import Exposition
import Foundation
import PromModel
@testable import Runtime

/// A clock moved by hand: `sleep` advances it instead of waiting.
final class DemoAppManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var time = 1000.0
    private(set) var slept: [Double] = []

    var now: Double { lock.withLock { time } }

    func advance(_ seconds: Double) { lock.withLock { time += seconds } }

    func sleep(_ seconds: Double) {
        lock.withLock {
            slept.append(seconds)
            time += max(0, seconds)
        }
    }

    /// A configuration whose clock and sleep are this clock.
    func configuration(prefix: String? = nil, seed: UInt64? = 7) -> DemoAppConfiguration {
        var configuration = DemoAppConfiguration(prefix: prefix, seed: seed)
        configuration.now = { [self] in self.now }
        configuration.sleep = { [self] in self.sleep($0) }
        return configuration
    }
}

extension DemoApp {
    /// `GET target` through the handler.
    func get(_ target: String) -> HTTPServerResponse {
        handle(HTTPServerRequest(method: "GET", target: target))
    }

    /// `/metrics`, parsed by the exposition parser.
    func scrape() throws -> [MetricFamily] {
        let response = get("/metrics")
        return try ExpositionParser.parse(String(decoding: response.body, as: UTF8.self), file: "demo-app")
    }
}

extension Array where Element == MetricFamily {
    /// The family called `name`.
    func family(_ name: String) -> MetricFamily? { first { $0.name == name } }

    /// The value of sample `name` with exactly `labels`, or nil.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        let wanted = Labels(labels)
        for family in self {
            for sample in family.samples where sample.name == name && sample.labels == wanted { return sample.value }
        }
        return nil
    }
}

/// The body of a response as text.
func bodyText(_ response: HTTPServerResponse) -> String { String(decoding: response.body, as: UTF8.self) }
