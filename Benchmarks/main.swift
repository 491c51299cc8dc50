let benchArguments = Array(CommandLine.arguments.dropFirst())
switch benchArguments.first {
case "yaml": YAMLBenchmark.run(arguments: Array(benchArguments.dropFirst()))
default: print("labctl-bench")
}
