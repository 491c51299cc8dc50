import Exposition
import Foundation
import PromModel

/// A small, thread-safe registry of counters, gauges and histograms with labels, rendered as the
/// Prometheus text exposition format 0.0.4 the way the Python client (`prometheus_client`) renders
/// it: counters are declared without `_total` in their family and exposed with it, histograms get
/// cumulative `_bucket{le}` series plus `_count` and `_sum`, and every counter and histogram child
/// has a `_created` gauge family (the client's default).
///
/// A metric is registered once and then updated through its ``Handle``. Each metric keeps at most
/// ``maxChildren`` label combinations; further ones are dropped (and counted in ``droppedChildren``),
/// so a client sending random values cannot grow memory without bound.
public final class MetricsRegistry: @unchecked Sendable {
    /// What kind of metric a registration is.
    public enum Kind: Sendable, Hashable {
        case counter
        case gauge
        /// A histogram with these upper bounds (ascending, `+Inf` added on render).
        case histogram(buckets: [Double])
    }

    /// A registered metric, to update it.
    public struct Handle: Sendable, Hashable {
        fileprivate let index: Int
    }

    /// Label combinations kept per metric.
    public let maxChildren: Int
    private let lock = NSLock()
    private var metrics: [Metric] = []
    private var dropped = 0
    private let clock: any LabClock

    /// An empty registry. `clock` gives the time of the `_created` samples (Unix seconds).
    public init(maxChildren: Int = 10_000, clock: any LabClock = SystemClock()) {
        self.maxChildren = max(1, maxChildren)
        self.clock = clock
    }

    /// The Python client's default histogram buckets (used when a Histogram names none).
    public static let defaultBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10]

    /// Registers a metric. `name` is the exposed name (a counter's ends in `_total`). A metric
    /// without label names has its one child from the start (value 0), as in the Python client.
    public func register(_ name: String, help: String, kind: Kind, labelNames: [String] = []) -> Handle {
        lock.lock()
        defer { lock.unlock() }
        var metric = Metric(name: name, help: help, kind: kind, labelNames: labelNames)
        if labelNames.isEmpty { metric.child(for: [], created: clock.now.timeIntervalSince1970, limit: maxChildren) }
        metrics.append(metric)
        return Handle(index: metrics.count - 1)
    }

    /// Adds `amount` to a counter or gauge child (created at 0 when new).
    public func add(_ handle: Handle, _ labelValues: [String] = [], _ amount: Double = 1) {
        update(handle, labelValues) { child, _ in child.value += amount }
    }

    /// Sets a gauge child.
    public func set(_ handle: Handle, _ labelValues: [String] = [], _ value: Double) {
        update(handle, labelValues) { child, _ in child.value = value }
    }

    /// Observes `value` in a histogram child.
    public func observe(_ handle: Handle, _ labelValues: [String] = [], _ value: Double) {
        update(handle, labelValues) { child, bounds in
            child.value += value
            child.count += 1
            if let slot = bounds.firstIndex(where: { value <= $0 }) { child.buckets[slot] += 1 }
        }
    }

    /// The current value of a counter or gauge child (nil when it does not exist).
    public func value(_ handle: Handle, _ labelValues: [String] = []) -> Double? {
        lock.lock()
        defer { lock.unlock() }
        guard metrics.indices.contains(handle.index) else { return nil }
        return metrics[handle.index].children[labelValues].map { metrics[handle.index].order[$0].value }
    }

    /// Label combinations dropped because a metric had ``maxChildren`` already.
    public var droppedChildren: Int {
        lock.lock()
        defer { lock.unlock() }
        return dropped
    }

    private func update(_ handle: Handle, _ labelValues: [String], _ body: (inout Child, [Double]) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        guard metrics.indices.contains(handle.index),
              labelValues.count == metrics[handle.index].labelNames.count else { return }
        guard let slot = metrics[handle.index].child(for: labelValues, created: clock.now.timeIntervalSince1970, limit: maxChildren) else {
            dropped += 1
            return
        }
        let bounds = metrics[handle.index].bounds
        body(&metrics[handle.index].order[slot], bounds)
    }

    // MARK: - Rendering

    /// The families, in registration order, each followed by its `_created` family.
    public func families() -> [MetricFamily] {
        lock.lock()
        let snapshot = metrics
        lock.unlock()
        return snapshot.flatMap { $0.families() }
    }

    /// `le` as the Python client prints it: `0.005`, `1.0`, `+Inf`.
    public static func formatBound(_ value: Double) -> String {
        if value == .infinity { return "+Inf" }
        if value == -.infinity { return "-Inf" }
        if value.isNaN { return "NaN" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) + ".0" }
        return value.description
    }
}

// MARK: - Storage

private struct Child {
    var labelValues: [String]
    /// Counter or gauge value; a histogram's sum.
    var value: Double = 0
    var count: Double = 0
    /// Non-cumulative counts per finite bound.
    var buckets: [Double]
    var created: Double
}

private struct Metric {
    let name: String
    let help: String
    let kind: MetricsRegistry.Kind
    let labelNames: [String]
    let bounds: [Double]
    var children: [[String]: Int] = [:]
    var order: [Child] = []

    init(name: String, help: String, kind: MetricsRegistry.Kind, labelNames: [String]) {
        self.name = name
        self.help = help
        self.kind = kind
        self.labelNames = labelNames
        if case .histogram(let buckets) = kind {
            bounds = buckets.filter { $0.isFinite }.sorted()
        } else {
            bounds = []
        }
    }

    @discardableResult
    mutating func child(for labelValues: [String], created: Double, limit: Int) -> Int? {
        if let slot = children[labelValues] { return slot }
        guard order.count < limit else { return nil }
        order.append(Child(labelValues: labelValues, buckets: Array(repeating: 0, count: bounds.count), created: created))
        children[labelValues] = order.count - 1
        return order.count - 1
    }

    /// The family name as the Python client declares it (a counter without `_total`).
    private var baseName: String {
        if case .counter = kind, name.hasSuffix("_total") { return String(name.dropLast(6)) }
        return name
    }

    private func labels(_ child: Child, extra: [Label] = []) -> Labels {
        Labels(zip(labelNames, child.labelValues).map { Label($0.0, $0.1) } + extra)
    }

    func families() -> [MetricFamily] {
        var main = MetricFamily(name: name, help: help)
        var created = MetricFamily(name: baseName + "_created", type: .gauge, help: help)
        switch kind {
        case .counter: main.type = .counter
        case .gauge: main.type = .gauge
        case .histogram: main.type = .histogram
        }
        for child in order {
            switch kind {
            case .counter, .gauge:
                main.samples.append(MetricSample(name: name, labels: labels(child), value: child.value))
            case .histogram:
                var cumulative = 0.0
                for (bound, count) in zip(bounds, child.buckets) {
                    cumulative += count
                    main.samples.append(MetricSample(name: name + "_bucket",
                                                     labels: labels(child, extra: [Label("le", MetricsRegistry.formatBound(bound))]),
                                                     value: cumulative))
                }
                main.samples.append(MetricSample(name: name + "_bucket", labels: labels(child, extra: [Label("le", "+Inf")]),
                                                 value: child.count))
                main.samples.append(MetricSample(name: name + "_count", labels: labels(child), value: child.count))
                main.samples.append(MetricSample(name: name + "_sum", labels: labels(child), value: child.value))
            }
            created.samples.append(MetricSample(name: created.name, labels: labels(child), value: child.created))
        }
        // Gauges have no _created series; counters and histograms have one per child.
        if case .gauge = kind { return [main] }
        return created.samples.isEmpty ? [main] : [main, created]
    }
}
