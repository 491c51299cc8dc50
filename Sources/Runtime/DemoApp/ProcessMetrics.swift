import Exposition
import Foundation
import PromModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `process_*` metrics of the running process, as the Python client's process collector
/// exposes them on Linux (from `/proc/self`): virtual and resident memory, start time, CPU seconds,
/// open and maximum file descriptors. Where `/proc` is missing (macOS) the families are absent.
public enum ProcessMetrics {
    /// The families, read now. A value that cannot be read leaves its family out.
    public static func families(procRoot: String = "/proc") -> [MetricFamily] {
        var out: [MetricFamily] = []
        let ticks = Double(max(1, sysconf(Int32(_SC_CLK_TCK))))
        let pageSize = Double(max(1, sysconf(Int32(_SC_PAGESIZE))))
        if let stat = statFields(procRoot: procRoot) {
            // Fields after the command (field 3 = index 0): utime 14, stime 15, starttime 22, vsize 23, rss 24.
            func field(_ number: Int) -> Double? { stat.indices.contains(number - 3) ? Double(stat[number - 3]) : nil }
            if let vsize = field(23) {
                out.append(gauge("process_virtual_memory_bytes", "Virtual memory size in bytes.", vsize))
            }
            if let rss = field(24) {
                out.append(gauge("process_resident_memory_bytes", "Resident memory size in bytes.", rss * pageSize))
            }
            if let start = field(22), let boot = bootTime(procRoot: procRoot) {
                out.append(gauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.",
                                 start / ticks + boot))
            }
            if let user = field(14), let system = field(15) {
                out.append(MetricFamily(name: "process_cpu_seconds_total", type: .counter,
                                        help: "Total user and system CPU time spent in seconds.",
                                        samples: [MetricSample(name: "process_cpu_seconds_total", value: (user + system) / ticks)]))
            }
        }
        if let fds = try? FileManager.default.contentsOfDirectory(atPath: procRoot + "/self/fd") {
            out.append(gauge("process_open_fds", "Number of open file descriptors.", Double(fds.count)))
        }
        if let limit = maxFileDescriptors(procRoot: procRoot) {
            out.append(gauge("process_max_fds", "Maximum number of open file descriptors.", limit))
        }
        return out
    }

    private static func gauge(_ name: String, _ help: String, _ value: Double) -> MetricFamily {
        MetricFamily(name: name, type: .gauge, help: help, samples: [MetricSample(name: name, value: value)])
    }

    private static func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path), data.count < 1 << 20 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// `/proc/self/stat` from field 3 (the state) on; the command in parentheses may hold spaces.
    private static func statFields(procRoot: String) -> [Int64]? {
        guard let text = read(procRoot + "/self/stat"), let close = text.lastIndex(of: ")") else { return nil }
        let rest = text[text.index(after: close)...].split(separator: " ")
        return rest.map { Int64($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 }
    }

    private static func bootTime(procRoot: String) -> Double? {
        guard let text = read(procRoot + "/stat") else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("btime ") {
            return Double(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    private static func maxFileDescriptors(procRoot: String) -> Double? {
        guard let text = read(procRoot + "/self/limits") else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("Max open files") {
            let words = line.dropFirst("Max open files".count).split(separator: " ")
            if let soft = words.first { return Double(soft) }
        }
        return nil
    }
}
