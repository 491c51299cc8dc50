// labctl-bench: throughput benchmarks. Usage: labctl-bench <name>
let benchmark = CommandLine.arguments.dropFirst().first ?? ""
switch benchmark {
case "regex": RegexBenchmark.run()
default: print("labctl-bench: benchmarks: regex")
}
