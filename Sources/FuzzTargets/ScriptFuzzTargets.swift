import Runtime

extension FuzzTarget {
    /// PromQL test scripts (`load`, `eval`, `clear`): parsed, then run with small engine limits.
    public static let promqlTest = FuzzTarget(name: "promql-test", summary: "PromQL test-script parser and runner") { bytes in
        let text = FuzzInput.text(bytes)
        guard let script = try? PromQLTestParser(maxExpandedValues: 100_000).parse(text, file: "fuzz.test") else {
            return []
        }
        let options = PromQLTestRunner.Options(engineOptions: PromQLFixedData.engineOptions)
        _ = PromQLTestRunner(options: options).run(script)
        return []
    }

    /// Rule unit-test files (`promtool test rules` input), decoded and validated. They are not run:
    /// running reads the rule files they name.
    public static let ruleTest = FuzzTarget(name: "rule-test", summary: "rule unit-test file decoding") { bytes in
        _ = RuleTestFile.parse(FuzzInput.text(bytes), file: "rules_test.yml")
        return []
    }
}
