import Exposition
import Foundation
import PromModel
@testable import Runtime

/// A demo app's time in tests: the runtime's one ``ManualClock`` (at 1000 s), and sleeps that advance
/// it instead of waiting, recorded.
final class DemoAppTestTime: @unchecked Sendable {
    let clock = ManualClock(Date(timeIntervalSince1970: 1000))
    private let lock = NSLock()
    private var sleeps: [Double] = []

    /// The sleeps asked for, in order.
    var slept: [Double] { lock.withLock { sleeps } }

    /// The clock's time in seconds.
    var now: Double { clock.now.timeIntervalSince1970 }

    func advance(_ seconds: Double) { clock.advance(by: seconds) }

    func sleep(_ seconds: Double) {
        lock.withLock { sleeps.append(seconds) }
        clock.advance(by: max(0, seconds))
    }

    /// A configuration whose clock is this clock and whose sleep advances it.
    func configuration(prefix: String? = nil, seed: UInt64? = 7) -> DemoAppConfiguration {
        var configuration = DemoAppConfiguration(prefix: prefix, seed: seed)
        configuration.clock = clock
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
