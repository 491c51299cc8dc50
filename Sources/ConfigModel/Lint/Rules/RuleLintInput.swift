import PromModel

/// What rule lints inspect: a decoded rule file plus what is known about the Prometheus that runs it.
public struct RuleLintInput: Sendable {
    public var file: RuleFile
    /// The scrape interval of the server evaluating the rules, when known (from `check config`);
    /// lints that need one fall back to ``assumedScrapeInterval``.
    public var scrapeInterval: Duration?

    /// Prometheus's default `scrape_interval` (1m), used when the interval is not known.
    public static let assumedScrapeInterval = Duration(milliseconds: 60_000)

    public init(file: RuleFile, scrapeInterval: Duration? = nil) {
        self.file = file
        self.scrapeInterval = scrapeInterval
    }

    /// The interval lints reason with.
    public var effectiveScrapeInterval: Duration { scrapeInterval ?? Self.assumedScrapeInterval }

    /// Every rule with the group it belongs to.
    var rulesWithGroups: [(group: RuleGroup, rule: Rule)] {
        file.groups.flatMap { g in g.rules.map { (g, $0) } }
    }

    /// Alerting rules only.
    var alerts: [Rule] { file.rules.filter { $0.kind == .alerting } }
}
