let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "promql": PromQLBenchmark.run(arguments: Array(arguments.dropFirst()))
default: print("labctl-bench: subcommands: promql [testdata-dir]")
}
