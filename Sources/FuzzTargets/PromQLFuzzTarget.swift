import PromModel
import PromQL
import Runtime
import Storage

extension FuzzTarget {
    /// PromQL queries: parsed (all experimental syntax on); the printed tree must parse back to the
    /// same tree, and so must the pretty-printed one; then the query is evaluated over
    /// ``PromQLFixedData`` as an instant and as a range query.
    public static let promql = FuzzTarget(name: "promql", summary: "PromQL parser, printers and engine") { bytes in
        let text = FuzzInput.text(bytes)
        let parser = Parser(options: .allExperimental)
        _ = parser.parseWithIssues(text)
        guard let tree = try? parser.parseExpr(text) else { return [] }
        var broken: [String] = []
        for (printer, printed) in [("Printer", tree.description), ("PrettyPrinter", PrettyPrinter().format(tree))] {
            do {
                let again = try parser.parseExpr(printed)
                if !again.structurallyEquals(tree) {
                    broken.append("\(printer): print → parse gives another tree: \(text) → \(printed) → \(again)")
                }
            } catch {
                broken.append("\(printer): the printed query does not parse: \(text) → \(printed): \(error)")
            }
        }
        let engine = Engine(options: PromQLFixedData.engineOptions)
        let storage = PromQLFixedData.storage
        _ = try? engine.instantQuery(tree, at: PromQLFixedData.end, querier: storage)
        _ = try? engine.rangeQuery(tree, start: 0, end: PromQLFixedData.end, step: 60_000, querier: storage)
        return broken
    }
}

/// The small fixed data set the PromQL target evaluates queries over: counters, gauges, a classic
/// histogram, NaN, ±Inf and a stale marker, one sample a minute for ten minutes.
enum PromQLFixedData {
    /// The last sample's time (milliseconds).
    static let end: Int64 = 600_000

    /// Small limits, so that a query cannot run for long: the fuzzer's time-out is 10 s per input.
    static let engineOptions = EngineOptions(maxSamples: 200_000, timeout: 2)

    static let storage: MemoryStorage = {
        let storage = MemoryStorage()
        let series: [(Labels, (Int64) -> Double)] = [
            (["__name__": "http_requests_total", "job": "api", "instance": "a:80", "code": "200"], { Double($0 * 10) }),
            (["__name__": "http_requests_total", "job": "api", "instance": "b:80", "code": "500"], { Double($0 % 4) }),
            (["__name__": "up", "job": "api", "instance": "a:80"], { _ in 1 }),
            (["__name__": "up", "job": "node", "instance": "n:9100"], { $0 == 5 ? StaleNaN.value : 0 }),
            (["__name__": "node_memory_bytes", "instance": "n:9100", "mode": "free"], { Double(1 << 30) - Double($0) }),
            (["__name__": "temperature", "room": "a"], { $0 % 3 == 0 ? .nan : ($0 % 3 == 1 ? .infinity : -.infinity) }),
            (["__name__": "info_metric", "instance": "a:80", "version": "1.2"], { _ in 1 }),
        ]
        for minute in Int64(0)...10 {
            for (labels, value) in series { _ = try? storage.append(labels, t: minute * 60_000, v: value(minute)) }
            for (le, factor) in [("0.1", 1.0), ("0.5", 3.0), ("1", 4.0), ("+Inf", 5.0)] {
                let labels: Labels = ["__name__": "latency_seconds_bucket", "job": "api", "le": le]
                _ = try? storage.append(labels, t: minute * 60_000, v: Double(minute) * factor)
            }
        }
        return storage
    }()
}
