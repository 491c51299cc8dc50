import Foundation
import RE2

/// `labctl-bench regex`: matcher throughput and compile time for typical Prometheus regexes.
enum RegexBenchmark {
    /// Patterns as they appear in label matchers, alerting rules and relabeling.
    static let patterns = [
        "api|web|db", ".*foo.*", "(?i)error", "5..", "/api/v[0-9]+/.*", "foo.*", ".+", "web-[0-9]+",
        "(GET|POST) /.*", "(?i).*timeout.*", "[a-z]+_(total|count|sum)", "(.*):(\\d+)", "\\pL+", "(?i)get|post",
    ]

    static func run() {
        let tableStart = DispatchTime.now().uptimeNanoseconds
        _ = try? CompiledRegex("\\p{Greek}|(?i)k")
        let tableMillis = Double(DispatchTime.now().uptimeNanoseconds - tableStart) / 1e6
        print(String(format: "first compile with \\p and (?i) classes (builds Unicode tables once): %.1f ms", tableMillis))
        let values = labelValues(count: 100_000)
        let bytes = values.reduce(0) { $0 + $1.utf8.count }
        print("regex: \(values.count) label values, \(bytes) bytes")
        print(pad("pattern", 22), pad("compile µs", 11), pad("matches/s", 12), pad("MB/s", 8), "hits")
        for pattern in patterns {
            let compileStart = DispatchTime.now().uptimeNanoseconds
            let compileRounds = 200
            var re: CompiledRegex?
            for _ in 0..<compileRounds { re = try? CompiledRegex(pattern) }
            let compileMicros = Double(DispatchTime.now().uptimeNanoseconds - compileStart) / 1000 / Double(compileRounds)
            guard let re else {
                print("\(pattern): failed to compile")
                continue
            }
            var hits = 0
            var rounds = 0
            let start = DispatchTime.now().uptimeNanoseconds
            var elapsed: UInt64 = 0
            repeat {
                hits = 0
                for v in values where re.matches(v) { hits += 1 }
                rounds += 1
                elapsed = DispatchTime.now().uptimeNanoseconds - start
            } while elapsed < 300_000_000
            let seconds = Double(elapsed) / 1e9
            let perSecond = Double(values.count * rounds) / seconds
            let mbPerSecond = Double(bytes * rounds) / seconds / 1e6
            print(
                pad(pattern, 22), pad(String(format: "%.1f", compileMicros), 11),
                pad(String(format: "%.2fM", perSecond / 1e6), 12), pad(String(format: "%.0f", mbPerSecond), 8), hits
            )
        }
        searchBenchmark()
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("max RSS: \(usage.ru_maxrss / 1024) MB")
    }

    /// Unanchored search with captures and replacement on longer text (log lines).
    private static func searchBenchmark() {
        let line = "2024-05-01T10:00:00Z level=error msg=\"request timeout\" path=/api/v2/users status=504 dur=1.5s"
        let lines = Array(repeating: line, count: 10_000)
        guard let re = try? CompiledRegex("status=(\\d+)", anchored: false) else { return }
        let start = DispatchTime.now().uptimeNanoseconds
        var found = 0
        for l in lines where re.firstMatch(in: l) != nil { found += 1 }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "firstMatch status=(\\d+) on %d log lines: %.0f lines/s (%d found)", lines.count,
                     Double(lines.count) / seconds, found))
        let replaceStart = DispatchTime.now().uptimeNanoseconds
        var total = 0
        for l in lines.prefix(2_000) { total += re.replaceAll(in: l, with: "code=$1").utf8.count }
        let replaceSeconds = Double(DispatchTime.now().uptimeNanoseconds - replaceStart) / 1e9
        print(String(format: "replaceAll on 2000 log lines: %.0f lines/s (%d bytes out)", 2_000 / replaceSeconds, total))
    }

    /// Deterministic label values resembling job, path, status and message labels.
    static func labelValues(count: Int) -> [String] {
        let jobs = ["api", "web", "db", "cache", "worker", "web-1", "web-22", "node-exporter"]
        let paths = ["/api/v1/users", "/api/v12/orders/7", "/health", "/static/app.js", "/api/vx/bad"]
        let words = ["ok", "ERROR: disk full", "connection timeout", "Error while reading", "foo", "xfooy", "bar"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var out: [String] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let r = Int(truncatingIfNeeded: state >> 33)
            switch i % 5 {
            case 0: out.append(jobs[r % jobs.count])
            case 1: out.append(paths[r % paths.count])
            case 2: out.append(String(100 + r % 500))
            case 3: out.append(words[r % words.count])
            default: out.append("GET /api/v\(r % 3)/items_total:\(r % 10_000)")
            }
        }
        return out
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}
