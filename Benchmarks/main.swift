import Foundation

let arguments = CommandLine.arguments.dropFirst()
let command = arguments.first ?? "help"

do {
    switch command {
    case "storage": try StorageBenchmark.run()
    case "exposition": try ExpositionBenchmark.run()
    default:
        print("labctl-bench storage|exposition")
    }
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
