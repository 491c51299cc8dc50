import Foundation

// labctl-bench: throughput benchmarks. Usage: labctl-bench <name>
let arguments = CommandLine.arguments.dropFirst()
let command = arguments.first ?? "help"

do {
    switch command {
    case "regex": RegexBenchmark.run()
    case "storage": try StorageBenchmark.run()
    case "exposition": try ExpositionBenchmark.run()
    default:
        print("labctl-bench regex|storage|exposition")
    }
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
