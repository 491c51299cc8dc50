/// `labctl-bench exposition` (filled in with the parser).
enum ExpositionBenchmark {
    static func run() throws {}
}
