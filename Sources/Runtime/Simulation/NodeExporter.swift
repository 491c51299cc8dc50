import Foundation
import PromModel

/// node_exporter on the seed lab's host: CPU time per mode, load averages, memory, filesystems,
/// disk and network counters, with the label names and values node_exporter uses.
public struct NodeExporter: SimulatedTarget {
    public let profile: NodeProfile
    public let series: SeriesTable
    public var job: String { profile.job }
    public var instance: String { profile.instance }
    public var isScraped: Bool { true }

    /// CPU modes, in node_exporter's order.
    public static let modes = ["idle", "iowait", "irq", "nice", "softirq", "steal", "system", "user"]

    /// Filesystems reported: device, type, mount point, size in bytes (`nil` = the profile's root size).
    static let filesystems: [(device: String, fstype: String, mountpoint: String, size: Double?)] = [
        ("/dev/sda1", "ext4", "/", nil),
        ("/dev/sda2", "vfat", "/boot/efi", 512 * 1_048_576),
        ("tmpfs", "tmpfs", "/run", 800 * 1_048_576),
    ]
    static let netDevices = ["eth0", "lo"]

    // MARK: - Series positions

    private let cpu: Int
    private let load: Int
    private let memory: Int
    private let filesystem: Int
    private let disk: Int
    private let network: Int
    private let boot: Int

    // MARK: - State

    private var cpuSeconds: [Double]
    private var loads = [0.0, 0.0, 0.0]
    private var rootUsed: Double
    private var diskCounters = [Double](repeating: 0, count: 6)
    private var netCounters = [Double](repeating: 0, count: 12)
    private let bootTime: Double

    /// A host booted one day before `startTime` (milliseconds).
    public init(profile: NodeProfile, startTime: Int64) {
        self.profile = profile
        var table = SeriesTable(job: profile.job, instance: profile.instance)
        cpu = table.count
        for c in 0..<profile.cpus {
            for mode in Self.modes { table.add("node_cpu_seconds_total", ["cpu": String(c), "mode": mode]) }
        }
        load = table.add("node_load1")
        table.add("node_load5")
        table.add("node_load15")
        memory = table.count
        for name in ["MemTotal", "MemAvailable", "MemFree", "Buffers", "Cached", "SwapTotal", "SwapFree"] {
            table.add("node_memory_\(name)_bytes")
        }
        filesystem = table.count
        for fs in Self.filesystems {
            for name in ["size", "avail", "free"] {
                table.add("node_filesystem_\(name)_bytes", ["device": fs.device, "fstype": fs.fstype, "mountpoint": fs.mountpoint])
            }
        }
        disk = table.count
        for name in ["read_bytes_total", "written_bytes_total", "reads_completed_total", "writes_completed_total",
                     "read_time_seconds_total", "write_time_seconds_total"] {
            table.add("node_disk_\(name)", ["device": "sda"])
        }
        network = table.count
        for device in Self.netDevices {
            for name in ["receive_bytes_total", "transmit_bytes_total", "receive_drop_total", "transmit_drop_total",
                         "receive_errs_total", "transmit_errs_total"] {
                table.add("node_network_\(name)", ["device": device])
            }
        }
        boot = table.add("node_boot_time_seconds")
        series = table
        // One day of uptime before the simulation starts.
        bootTime = Double(startTime) / 1000 - 86_400
        cpuSeconds = [Double](repeating: 0, count: profile.cpus * Self.modes.count)
        for c in 0..<profile.cpus {
            let base = c * Self.modes.count
            cpuSeconds[base] = 86_400 * (1 - profile.cpuUtilization)
            cpuSeconds[base + 7] = 86_400 * profile.cpuUtilization * 0.7
            cpuSeconds[base + 6] = 86_400 * profile.cpuUtilization * 0.25
        }
        rootUsed = profile.rootFilesystemBytes * profile.rootFilesystemUsedRatio
        loads = [Double](repeating: profile.cpuUtilization * Double(profile.cpus), count: 3)
    }

    // MARK: - SimulatedTarget

    /// Restarting node_exporter does not reset the kernel's counters it reports.
    public mutating func restart(at time: Int64) {}

    public mutating func scrape(_ context: ScrapeContext, rng: inout SplitMix64) -> [Double] {
        var values = [Double](repeating: 0, count: series.count)
        let dt = context.elapsed
        let u = profile.utilization(at: context.offset)
        // CPU: each CPU spends `dt` seconds split among the modes.
        var busyTotal = 0.0
        for c in 0..<profile.cpus {
            let busy = min(1, max(0, u + 0.05 * rng.nextSigned())) * dt
            busyTotal += busy
            let shares = [0.0, 0.03, 0.005, 0.005, 0.01, 0.0, 0.22, 0.73]
            let base = c * Self.modes.count
            cpuSeconds[base] += dt - busy
            for m in 1..<Self.modes.count { cpuSeconds[base + m] += busy * shares[m] }
            for m in 0..<Self.modes.count { values[cpu + base + m] = (cpuSeconds[base + m] * 100).rounded() / 100 }
        }
        // Load averages: exponential moving averages of the runnable tasks over 1, 5 and 15 minutes.
        let runnable = dt > 0 ? busyTotal / dt + 0.2 * rng.nextUnit() : loads[0]
        for (i, window) in [60.0, 300.0, 900.0].enumerated() {
            loads[i] += (runnable - loads[i]) * (1 - exp(-dt / window))
            values[load + i] = (loads[i] * 100).rounded() / 100
        }
        // Memory.
        let total = profile.memoryBytes
        let used = min(total, total * (profile.memoryUsedRatio + 0.02 * rng.nextSigned()))
        let available = total - used
        let memoryValues: [Double] = [total, available, available * 0.35, available * 0.05, available * 0.5,
                            2 * 1_073_741_824, 2 * 1_073_741_824 * 0.97]
        for (i, v) in memoryValues.enumerated() { values[memory + i] = v.rounded() }
        // Filesystems: the root one fills up slowly.
        rootUsed = min(profile.rootFilesystemBytes, rootUsed + profile.rootFilesystemGrowthPerHour * dt / 3600)
        for (i, fs) in Self.filesystems.enumerated() {
            let size = fs.size ?? profile.rootFilesystemBytes
            let used = fs.size == nil ? rootUsed : size * 0.3
            let free = size - used
            let base = filesystem + i * 3
            values[base] = size.rounded()
            values[base + 1] = max(0, free - size * 0.05).rounded()
            values[base + 2] = free.rounded()
        }
        // Disk: reads and writes scale with the CPU load.
        let reads = rng.nextCount(mean: 20 * dt * (0.5 + u)), writes = rng.nextCount(mean: 40 * dt * (0.5 + u))
        let diskDeltas: [Double] = [reads * 16_384, writes * 12_288, reads, writes, reads * 0.0005, writes * 0.001]
        for i in diskCounters.indices {
            diskCounters[i] += diskDeltas[i]
            values[disk + i] = (diskCounters[i] * 1000).rounded() / 1000
        }
        // Network: eth0 follows the profile, lo carries a tenth of it; drops are rare, errors rarer.
        for (d, device) in Self.netDevices.enumerated() {
            let scale = device == "lo" ? 0.1 : 1
            let rx = rng.nextCount(mean: profile.networkBytesPerSecond * scale * dt)
            let deltas: [Double] = [rx, rx / 2, rng.nextCount(mean: 0.02 * dt * scale), rng.nextCount(mean: 0.01 * dt * scale),
                          rng.nextCount(mean: 0.002 * dt * scale), 0]
            for i in 0..<6 {
                netCounters[d * 6 + i] += deltas[i]
                values[network + d * 6 + i] = netCounters[d * 6 + i]
            }
        }
        values[boot] = bootTime
        return values
    }
}
