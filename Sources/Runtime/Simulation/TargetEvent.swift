/// A window in which a target cannot be scraped (its process is down). Prometheus records `up 0`
/// and marks the target's series stale; when the window ends the process starts afresh, so its
/// counters reset. Offsets are milliseconds from the start of the simulation, `[from, to)`.
public struct Downtime: Hashable, Sendable {
    /// The `job` of the targets that go down.
    public var job: String
    /// The `instance`, or `nil` for every instance of the job.
    public var instance: String?
    public var from: Int64
    public var to: Int64

    public init(job: String, instance: String? = nil, from: Int64, to: Int64) {
        self.job = job
        self.instance = instance
        self.from = from
        self.to = max(from, to)
    }

    func matches(_ target: any SimulatedTarget) -> Bool {
        target.job == job && (instance == nil || instance == target.instance)
    }

    func contains(_ offset: Int64) -> Bool { offset >= from && offset < to }
}

/// A process restart without downtime: the target's counters go back to zero (a counter reset
/// that `rate()` must handle) at `at` milliseconds from the start of the simulation.
public struct Restart: Hashable, Sendable {
    public var job: String
    /// The `instance`, or `nil` for every instance of the job.
    public var instance: String?
    public var at: Int64

    public init(job: String, instance: String? = nil, at: Int64) {
        self.job = job
        self.instance = instance
        self.at = at
    }

    func matches(_ target: any SimulatedTarget) -> Bool {
        target.job == job && (instance == nil || instance == target.instance)
    }
}
