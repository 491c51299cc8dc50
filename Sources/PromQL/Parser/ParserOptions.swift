/// Switches for experimental PromQL features, mirroring Prometheus's `parser.Options`.
public struct ParserOptions: Hashable, Sendable {
    /// Experimental functions (`FUNCTIONS.txt`) and the `limitk`/`limit_ratio` aggregations.
    public var enableExperimentalFunctions: Bool
    /// Duration arithmetic in ranges, steps and offsets (`[5m+1m]`, `offset (1h*2)`).
    public var experimentalDurationExpr: Bool
    /// The `anchored` and `smoothed` selector modifiers.
    public var enableExtendedRangeSelectors: Bool
    /// The `fill(…)`, `fill_left(…)`, `fill_right(…)` binary operator modifiers.
    public var enableBinopFillModifiers: Bool
    /// Deepest nesting of expressions (and longest operator chain) accepted before a parse error.
    public var maxDepth: Int

    public init(enableExperimentalFunctions: Bool = false, experimentalDurationExpr: Bool = true,
                enableExtendedRangeSelectors: Bool = false, enableBinopFillModifiers: Bool = false,
                maxDepth: Int = 1000) {
        self.enableExperimentalFunctions = enableExperimentalFunctions
        self.experimentalDurationExpr = experimentalDurationExpr
        self.enableExtendedRangeSelectors = enableExtendedRangeSelectors
        self.enableBinopFillModifiers = enableBinopFillModifiers
        self.maxDepth = maxDepth
    }

    /// Prometheus 3.14 defaults: duration expressions on, other experimental features off.
    public static let standard = ParserOptions()

    /// Every experimental feature on, as the upstream test scripts run.
    public static let allExperimental = ParserOptions(enableExperimentalFunctions: true,
                                                      experimentalDurationExpr: true,
                                                      enableExtendedRangeSelectors: true,
                                                      enableBinopFillModifiers: true)

    /// Convenience: turns every experimental syntax feature (durations, anchored/smoothed, fill) on or off.
    public var enableExperimentalSyntax: Bool {
        get { experimentalDurationExpr && enableExtendedRangeSelectors && enableBinopFillModifiers }
        set {
            experimentalDurationExpr = newValue
            enableExtendedRangeSelectors = newValue
            enableBinopFillModifiers = newValue
        }
    }
}
