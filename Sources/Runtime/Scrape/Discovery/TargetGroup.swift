import PromModel

/// A group of targets from service discovery: addresses and labels shared by all of them
/// (`static_configs` entries and `file_sd_configs` file entries have this shape).
public struct TargetGroup: Sendable, Hashable {
    /// `host:port` addresses.
    public var targets: [String]
    /// Labels every target of the group gets.
    public var labels: [String: String]
    /// Where the group came from (`static`, a file path), for `__meta_filepath`.
    public var source: String

    public init(targets: [String], labels: [String: String] = [:], source: String = "static") {
        self.targets = targets
        self.labels = labels
        self.source = source
    }
}
