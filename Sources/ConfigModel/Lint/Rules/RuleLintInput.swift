import PromModel

/// What rule lints inspect: a decoded rule file plus what is known about the Prometheus that runs it.
public struct RuleLintInput: Sendable {
    public var file: RuleFile {
        didSet { index() }
    }
    /// The scrape interval of the server evaluating the rules, when known (from `check config`);
    /// lints that need one fall back to ``assumedScrapeInterval``.
    public var scrapeInterval: Duration?

    /// Every rule of the file, in file order (computed once: a dozen lints walk it).
    public private(set) var rules: [Rule] = []
    /// Alerting rules only.
    private(set) var alerts: [Rule] = []

    /// Prometheus's default `scrape_interval` (1m), used when the interval is not known.
    public static let assumedScrapeInterval = Duration(milliseconds: 60_000)

    public init(file: RuleFile, scrapeInterval: Duration? = nil) {
        self.file = file
        self.scrapeInterval = scrapeInterval
        index()
    }

    private mutating func index() {
        let rules = file.rules
        self.rules = rules
        self.alerts = rules.filter { $0.kind == .alerting }
    }

    /// The interval lints reason with.
    public var effectiveScrapeInterval: Duration { scrapeInterval ?? Self.assumedScrapeInterval }
}
