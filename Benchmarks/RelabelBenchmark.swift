import ConfigModel
import Foundation
import PromModel
import Runtime

/// `labctl-bench relabel`: label sets relabelled per second through a typical service-discovery chain
/// (labelmap, replace with groups, hashmod + keep sharding, labeldrop).
enum RelabelBenchmark {
    static func run(_ arguments: [String]) throws {
        let count = arguments.first.flatMap(Int.init) ?? 200_000
        let steps = [
            RelabelConfig(regex: "__meta_kubernetes_pod_label_(.+)", replacement: "$1", action: .labelmap),
            RelabelConfig(sourceLabels: ["__address__"], regex: "([^:]+):(\\d+)", targetLabel: "host", replacement: "$1"),
            RelabelConfig(sourceLabels: ["__meta_kubernetes_namespace", "__meta_kubernetes_pod_name"], separator: "/",
                          targetLabel: "pod"),
            RelabelConfig(sourceLabels: ["__address__"], modulus: 4, targetLabel: "__tmp_shard", action: .hashmod),
            RelabelConfig(sourceLabels: ["__tmp_shard"], regex: "0|1|2", action: .keep),
            RelabelConfig(regex: "__meta_.*|__tmp_.*", action: .labeldrop),
        ]
        let relabeler = try Relabeler(steps)
        let inputs: [Labels] = (0..<min(count, 10_000)).map { i in
            ["__address__": "10.0.\(i / 250).\(i % 250):8080", "__meta_kubernetes_namespace": "ns\(i % 7)",
             "__meta_kubernetes_pod_name": "pod-\(i)", "__meta_kubernetes_pod_label_app": "app\(i % 13)",
             "__meta_kubernetes_pod_label_tier": i % 2 == 0 ? "web" : "db", "job": "kubernetes-pods"]
        }
        var kept = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for i in 0..<count where relabeler.process(inputs[i % inputs.count]) != nil { kept += 1 }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "relabel: %d label sets through 6 steps in %.2f s: %.0f sets/s (%.2f µs/set), %d kept",
                     count, seconds, Double(count) / seconds, seconds / Double(count) * 1e6, kept))
        for step in steps {
            let single = try Relabeler([step])
            let n = min(count, 50_000)
            let t0 = DispatchTime.now().uptimeNanoseconds
            for i in 0..<n { _ = single.process(inputs[i % inputs.count]) }
            let s = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            print(String(format: "  %@ alone: %.2f µs/set", step.action.rawValue, s / Double(n) * 1e6))
        }
        let identity = try Relabeler([RelabelConfig(sourceLabels: ["job"], regex: "kubernetes-pods", action: .keep)])
        let t0 = DispatchTime.now().uptimeNanoseconds
        for i in 0..<min(count, 50_000) { _ = identity.process(inputs[i % inputs.count]) }
        let s0 = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        print(String(format: "  keep on a literal (copy in/out only): %.2f µs/set", s0 / Double(min(count, 50_000)) * 1e6))
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("max RSS: \(usage.ru_maxrss / 1024) MB")
    }
}
