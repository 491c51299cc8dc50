import Foundation

/// The layout of a storage directory: `lock`, `wal/00000001`…, `wal/checkpoint.00000007/00000000`.
struct WALDirectory {
    let root: String
    var wal: String { root + "/wal" }
    var lockPath: String { root + "/lock" }

    static let checkpointPrefix = "checkpoint."
    static let temporarySuffix = ".tmp"

    /// `%08d`.
    static func segmentName(_ n: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    func segmentPath(_ n: Int) -> String { wal + "/" + WALDirectory.segmentName(n) }
    func checkpointPath(_ n: Int) -> String { wal + "/" + WALDirectory.checkpointPrefix + WALDirectory.segmentName(n) }

    /// A name made of digits only, as a number.
    static func number(_ name: String) -> Int? {
        guard !name.isEmpty, name.utf8.count <= 18, name.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(name)
    }

    private func names(in directory: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    }

    /// Segment numbers in `directory` (default: the WAL), ascending.
    func segments(in directory: String? = nil) -> [Int] {
        names(in: directory ?? wal).compactMap(WALDirectory.number).sorted()
    }

    /// Finished checkpoints, ascending by the last segment they cover.
    func checkpoints() -> [Int] {
        names(in: wal).compactMap { name -> Int? in
            guard name.hasPrefix(WALDirectory.checkpointPrefix) else { return nil }
            return WALDirectory.number(String(name.dropFirst(WALDirectory.checkpointPrefix.count)))
        }.sorted()
    }

    /// Checkpoints a crash left half-written.
    func temporaryCheckpoints() -> [String] {
        names(in: wal).filter { $0.hasPrefix(WALDirectory.checkpointPrefix) && $0.hasSuffix(WALDirectory.temporarySuffix) }
            .map { wal + "/" + $0 }
    }

    /// Creates the root and `wal/` when missing.
    func create() throws {
        do {
            try FileManager.default.createDirectory(atPath: wal, withIntermediateDirectories: true)
        } catch {
            throw WALError(.io, "cannot create \(wal): \(error.localizedDescription)")
        }
    }
}
