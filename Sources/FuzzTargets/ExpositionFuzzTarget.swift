import Exposition

extension FuzzTarget {
    /// Scraped bodies in the Prometheus text format and OpenMetrics: parsed, linted, written back and
    /// the written text parsed again.
    public static let exposition = FuzzTarget(name: "exposition",
                                              summary: "text and OpenMetrics exposition parsers, promlint") { bytes in
        let text = FuzzInput.text(bytes)
        var broken: [String] = []
        for format in ExpositionFormat.allCases {
            let parser = ExpositionParser(format: format, file: "fuzz.prom")
            guard let families = try? parser.parse(text) else { continue }
            _ = MetricsLinter().lint(families, context: MetricsLintContext(file: "fuzz.prom", format: format))
            let written = ExpositionWriter(format: format).write(families)
            if (try? parser.parse(written)) == nil {
                broken.append("\(format.rawValue): ExpositionWriter output does not parse: \(written.prefix(200))")
            }
        }
        _ = MetricsLinter().lint(text: text, file: "fuzz.prom")
        return broken
    }
}
