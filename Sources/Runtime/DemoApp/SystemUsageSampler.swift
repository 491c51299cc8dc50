import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Host CPU, memory and disk usage for Práctica 26's system gauges, read from `/proc` and
/// `statvfs` (what `psutil.cpu_percent()`, `virtual_memory().used` and `disk_usage('/').percent`
/// report). CPU is the busy share since the previous call.
public final class SystemUsageSampler: @unchecked Sendable {
    private let lock = NSLock()
    private var previous: (busy: Double, total: Double)?
    private let procRoot: String

    public init(procRoot: String = "/proc") { self.procRoot = procRoot }

    private func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path), data.count < 1 << 20 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Percent of CPU time busy since the last call (0 on the first).
    public func cpuPercent() -> Double? {
        guard let text = read(procRoot + "/stat"),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") }) else { return nil }
        let values = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard values.count >= 4 else { return nil }
        let total = values.reduce(0, +)
        let idle = values[3] + (values.count > 4 ? values[4] : 0)
        let busy = total - idle
        lock.lock()
        defer { lock.unlock() }
        let last = previous
        previous = (busy, total)
        guard let last, total > last.total else { return 0 }
        return ((busy - last.busy) / (total - last.total) * 1000).rounded() / 10
    }

    /// Used memory in bytes: total minus free, buffers and page cache (as psutil).
    public func memoryUsedBytes() -> Double? {
        guard let text = read(procRoot + "/meminfo") else { return nil }
        var fields: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let kib = Double(parts[1].split(separator: " ").first ?? "") else { continue }
            fields[String(parts[0])] = kib * 1024
        }
        guard let total = fields["MemTotal"], let free = fields["MemFree"] else { return nil }
        let used = total - free - (fields["Buffers"] ?? 0) - (fields["Cached"] ?? 0) - (fields["SReclaimable"] ?? 0)
        return used < 0 ? total - free : used
    }

    /// Percent of the root file system used.
    public func diskUsedPercent() -> Double? {
        var info = statvfs()
        guard statvfs("/", &info) == 0 else { return nil }
        let total = Double(info.f_blocks), free = Double(info.f_bfree), available = Double(info.f_bavail)
        let used = total - free
        guard used + available > 0 else { return nil }
        return (used / (used + available) * 1000).rounded() / 10
    }
}
