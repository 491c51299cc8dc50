/// The list of fuzz targets, one per kind of untrusted input labctl reads.
public enum FuzzTargets {
    /// Every target, in the order `Fuzz/run` runs them.
    public static let all: [FuzzTarget] = [
        .yaml, .json, .promql, .seriesDescription, .exposition, .template, .regex, .matchers,
        .prometheusConfig, .ruleFile, .alertmanagerConfig, .compose, .dashboard, .promqlTest, .ruleTest,
        .labSpec, .roster, .httpRequest, .remoteWrite, .wal,
    ]

    /// The target called `name`, or nil.
    public static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }
}
