import Foundation
import PromModel
import Runtime
import Storage

/// Seed inputs that are binary and so are made by code rather than copied from a fixture: WAL
/// directories and remote-write bodies written by labctl's own writers. `Fuzz/make-corpus` asks the
/// fuzz binary for them (`LABCTL_FUZZ_WRITE_SEEDS`).
public enum FuzzSeeds {
    /// The seeds of target `name` (empty for a target whose seeds are text fixtures).
    public static func seeds(for name: String) -> [[UInt8]] {
        switch name {
        case "wal": return walSeeds()
        case "remote-write": return remoteWriteSeeds()
        default: return []
        }
    }

    private static let series: [Labels] = [
        ["__name__": "up", "job": "api", "instance": "a:80"],
        ["__name__": "http_requests_total", "job": "api", "code": "200"],
        ["__name__": "http_requests_total", "job": "api", "code": "500"],
    ]

    private static func remoteWriteSeeds() -> [[UInt8]] {
        let request = RemoteWriteRequest(
            timeseries: series.enumerated().map { i, labels in
                .init(labels: labels, samples: (0..<3).map { Sample(t: Int64($0) * 15_000, v: Double(i * 10 + $0)) })
            },
            metadata: [.init(type: 1, metricFamilyName: "http_requests_total", help: "Requests.", unit: "")])
        return [[0] + request.encodedProtobuf(), [1] + request.encodedSnappy()]
    }

    /// One storage directory written by ``PersistentStorage``: its first segment (selector 0) and,
    /// after a checkpoint, the checkpoint (selector 1).
    private static func walSeeds() -> [[UInt8]] {
        let root = NSTemporaryDirectory() + "labctl-fuzz-seed-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: root)
        defer { try? FileManager.default.removeItem(atPath: root) }
        var out: [[UInt8]] = []
        do {
            let options = PersistentStorageOptions(retention: nil, checkpointOnClose: false)
            let storage = try PersistentStorage.open(directory: root, options: options)
            for step in 0..<5 {
                let appender = storage.appender()
                for (i, labels) in series.enumerated() {
                    try appender.append(labels, t: Int64(step) * 15_000, v: Double(i + step))
                }
                try appender.commit()
            }
            try storage.close()
            if let segment = FileManager.default.contents(atPath: root + "/wal/00000000") { out.append([0] + [UInt8](segment)) }
            let again = try PersistentStorage.open(directory: root, options: options)
            _ = try again.checkpoint()
            try again.close()
            let folder = root + "/wal"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix("checkpoint.") {
                if let data = FileManager.default.contents(atPath: folder + "/" + name + "/00000000") {
                    out.append([1] + [UInt8](data))
                }
            }
        } catch {
            return out
        }
        return out
    }
}
