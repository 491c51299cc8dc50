import PromModel

/// One committed sample on its way to a `remote_write` destination.
public struct RemoteWriteSample: Sendable, Hashable {
    public var labels: Labels
    /// Milliseconds since the epoch.
    public var t: Int64
    public var v: Double

    public init(labels: Labels, t: Int64, v: Double) {
        self.labels = labels
        self.t = t
        self.v = v
    }
}
