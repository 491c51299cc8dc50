import Diagnostics
import PromModel
import PromQL

/// A range shorter than two scrape intervals in `rate`, `irate`, `increase`, `delta`, `idelta` or `deriv`:
/// these need two samples in the window, so a shorter range returns nothing after one missed scrape.
///
/// The scrape interval is the config's `global.scrape_interval` when the rules are checked through
/// `check config`, `--scrape-interval` when given, and Prometheus's default (1m) otherwise.
///
/// Triggers (15s interval): `rate(x_total[20s])`. Does not trigger: `rate(x_total[1m])`.
public struct RateRangeTooShortLint: LintRule {
    public static let code = "rules/rate-range-too-short"
    public static let summary = "rate-like function over a range shorter than 2x the scrape interval"
    static let functions: Set<String> = ["rate", "irate", "increase", "delta", "idelta", "deriv"]

    public init() {}

    public func check(_ input: RuleLintInput) -> [Diagnostic] {
        let interval = input.effectiveScrapeInterval
        let (minimum, overflow) = interval.milliseconds.multipliedReportingOverflow(by: 2)
        guard !overflow else { return [] }
        let source = input.scrapeInterval == nil ? "assumed default scrape interval" : "scrape interval"
        return input.rules.flatMap { rule -> [Diagnostic] in
            guard let expr = rule.parsedExpr else { return [] }
            return expr.calls(named: Self.functions).compactMap { call in
                guard case .matrixSelector(let m)? = call.args.first?.unwrappingParens,
                      let range = m.range.constantMilliseconds, range < minimum else { return nil }
                return .warning(Self.code,
                                "\(call.function.name)() over [\(Duration(milliseconds: range))] is shorter than twice the \(source) (\(interval)); use at least [\(Duration(milliseconds: minimum))]",
                                at: rule.location(of: m.span) ?? rule.nameLocation)
            }
        }
    }
}
