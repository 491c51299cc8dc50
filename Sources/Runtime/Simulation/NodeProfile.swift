import Foundation

/// The machine a simulated node_exporter reports on.
public struct NodeProfile: Hashable, Sendable {
    public var job: String
    public var instance: String
    /// Number of CPUs (`cpu="0"`, `cpu="1"`, …).
    public var cpus: Int
    /// Mean CPU utilization, in `0...1` (a slow hourly wave and noise ride on it).
    public var cpuUtilization: Double
    /// Physical memory, in bytes.
    public var memoryBytes: Double
    /// Fraction of memory in use, in `0...1`.
    public var memoryUsedRatio: Double
    /// Size of the root filesystem, in bytes.
    public var rootFilesystemBytes: Double
    /// Fraction of the root filesystem in use at the start.
    public var rootFilesystemUsedRatio: Double
    /// How fast the root filesystem fills up, in bytes per hour.
    public var rootFilesystemGrowthPerHour: Double
    /// Bytes per second received on `eth0` (transmit is half of it).
    public var networkBytesPerSecond: Double
    /// Windows of extra load: `trafficFactor` multiplies CPU utilization (capped at 100%).
    public var incidents: [Incident]

    public init(job: String = "node_exporter", instance: String = "node_exporter:9100", cpus: Int = 2,
                cpuUtilization: Double = 0.25, memoryBytes: Double = 8 * 1_073_741_824,
                memoryUsedRatio: Double = 0.55, rootFilesystemBytes: Double = 100 * 1_073_741_824,
                rootFilesystemUsedRatio: Double = 0.4, rootFilesystemGrowthPerHour: Double = 50 * 1_048_576,
                networkBytesPerSecond: Double = 1_048_576, incidents: [Incident] = []) {
        self.job = job
        self.instance = instance
        self.cpus = min(256, max(1, cpus))
        self.cpuUtilization = min(1, max(0, cpuUtilization))
        self.memoryBytes = max(1, memoryBytes)
        self.memoryUsedRatio = min(1, max(0, memoryUsedRatio))
        self.rootFilesystemBytes = max(1, rootFilesystemBytes)
        self.rootFilesystemUsedRatio = min(1, max(0, rootFilesystemUsedRatio))
        self.rootFilesystemGrowthPerHour = max(0, rootFilesystemGrowthPerHour)
        self.networkBytesPerSecond = max(0, networkBytesPerSecond)
        self.incidents = incidents
    }

    /// CPU utilization at `offset` milliseconds into the simulation, before noise.
    public func utilization(at offset: Int64) -> Double {
        let wave = 0.1 * sin(2 * Double.pi * Double(offset) / 3_600_000)
        var u = cpuUtilization + wave * cpuUtilization
        for incident in incidents where incident.contains(offset) { u *= incident.trafficFactor }
        return min(1, max(0, u))
    }
}
