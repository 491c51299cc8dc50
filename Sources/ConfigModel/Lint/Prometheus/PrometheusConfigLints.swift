/// The catalogue of Prometheus configuration lints.
public enum PrometheusConfigLints {
    public static let all: [any LintRule<PrometheusConfig>.Type] = [TooLongScrapeIntervalLint.self]

    public static var suite: LintSuite<PrometheusConfig> { LintSuite(all) }
}
