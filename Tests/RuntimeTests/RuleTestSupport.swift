import ConfigModel
import Foundation
import PromModel
import Storage
import PromQL
import XCTest
@testable import Runtime

/// A query function returning canned vectors per expression text, recording when it was called.
final class FakeQuery: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [String: [(Labels, Double)]] = [:]
    private(set) var calls: [(expr: String, t: Int64)] = []

    /// Sets what `expr` returns from now on.
    func set(_ expr: String, _ samples: [(Labels, Double)]) {
        lock.lock()
        results[expr] = samples
        lock.unlock()
    }

    var function: QueryFunc {
        { [self] expr, t in
            lock.lock()
            defer { lock.unlock() }
            calls.append((expr.description, t))
            let samples = results[expr.description] ?? []
            return QueryResult(value: .vector(samples.map { VectorSample(metric: $0.0, t: t, f: $0.1) }))
        }
    }
}

/// Collects what a rule manager notifies.
final class AlertSink: @unchecked Sendable {
    private let lock = NSLock()
    private var batches: [[RuleAlert]] = []

    var notify: NotifyFunc {
        { [self] alerts in
            lock.lock()
            batches.append(alerts)
            lock.unlock()
        }
    }

    /// Every alert sent so far, and clears the list.
    func drain() -> [RuleAlert] {
        lock.lock()
        defer { lock.unlock() }
        let all = batches.flatMap { $0 }
        batches = []
        return all
    }
}

enum RuleFixtures {
    /// Parses rule file text, failing the test on errors.
    static func ruleFile(_ text: String, file: String = "rules.yml") throws -> RuleFile {
        let result = RuleFile.parse(text, file: file)
        let errors = result.diagnostics.filter { $0.severity == .error }
        XCTAssertTrue(errors.isEmpty, errors.map(\.message).joined(separator: "\n"))
        return try XCTUnwrap(result.value)
    }

    /// The samples of the series exactly matching `labels` in `storage`.
    static func samples(_ storage: MemoryStorage, _ labels: Labels) throws -> [Sample] {
        let matchers = try labels.map { try LabelMatcher(.equal, $0.name, $0.value) }
        let set = try storage.select(matchers, mint: Int64.min / 2, maxt: Int64.max / 2)
        return set.first { $0.labels == labels }?.samples ?? []
    }
}
