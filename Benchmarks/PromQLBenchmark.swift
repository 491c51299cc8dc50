import Foundation
import PromQL

/// `labctl-bench promql [testdata-dir]`: parses every `eval` expression of the conformance scripts
/// repeatedly and prints expressions per second, bytes per second and peak memory.
#if canImport(Glibc)
let RUSAGE_SELF_WHO = __rusage_who_t(RUSAGE_SELF.rawValue)
#else
let RUSAGE_SELF_WHO = RUSAGE_SELF
#endif

enum PromQLBenchmark {
    static func run(arguments: [String]) {
        let dir = arguments.first ?? "../shared/conformance/promql/testdata"
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
            print("promql: testdata directory not found: \(dir)")
            return
        }
        var corpus: [String] = []
        for name in files.sorted() where name.hasSuffix(".test") {
            guard let text = try? String(contentsOfFile: dir + "/" + name, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") {
                let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ")
                guard let first = words.first, first.hasPrefix("eval"), words.count > 1 else { continue }
                let skip = words[1] == "instant" ? 4 : (words[1] == "range" ? 8 : Int.max)
                if words.count > skip { corpus.append(words[skip...].joined(separator: " ")) }
            }
        }
        let bytes = corpus.reduce(0) { $0 + $1.utf8.count }
        let parser = Parser(options: .allExperimental)
        var failures = 0
        for q in corpus where (try? parser.parseExpr(q)) == nil { failures += 1 }
        let rounds = 20
        let start = Date()
        var nodes = 0
        for _ in 0..<rounds {
            for q in corpus {
                if let e = try? parser.parseExpr(q) { nodes &+= e.children.count }
            }
        }
        let seconds = Date().timeIntervalSince(start)
        let parsed = Double(corpus.count * rounds)
        var usage = rusage()
        getrusage(RUSAGE_SELF_WHO, &usage)
        print("promql parse: \(corpus.count) expressions (\(bytes) bytes), \(failures) failed, \(rounds) rounds")
        print(String(format: "  %.0f expressions/s, %.1f MB/s, %.2f µs/expression, maxrss %d KB",
                     parsed / seconds, Double(bytes * rounds) / seconds / 1e6, seconds / parsed * 1e6,
                     usage.ru_maxrss))
        let printStart = Date()
        var printedBytes = 0
        let trees = corpus.compactMap { try? parser.parseExpr($0) }
        for _ in 0..<rounds { for t in trees { printedBytes &+= t.description.utf8.count } }
        let printSeconds = Date().timeIntervalSince(printStart)
        print(String(format: "  printer: %.0f expressions/s", Double(trees.count * rounds) / printSeconds))
        _ = nodes
    }
}
