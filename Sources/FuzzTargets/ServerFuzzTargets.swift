import Foundation
import Runtime
import Storage

extension FuzzTarget {
    /// The bytes one connection sends to `labctl serve`: the first byte picks the size of the pieces
    /// they arrive in and the limits; every request parsed has its query string and form body decoded.
    public static let httpRequest = FuzzTarget(name: "http-request", summary: "HTTP/1.1 request parser") { bytes in
        guard let (selector, rest) = FuzzInput.split(bytes) else { return [] }
        let chunk = selector & 0x80 == 0 ? Int(selector & 0x3f) + 1 : max(1, rest.count)
        let tight = selector & 0x40 != 0
        let outcome = HTTPRequestStreamReplay.replay(rest, chunkSize: chunk,
                                                     maxRequestLineBytes: tight ? 64 : 8192,
                                                     maxHeaderBytes: tight ? 256 : 1 << 16,
                                                     maxBodyBytes: tight ? 512 : 1 << 16)
        for request in outcome.requests {
            _ = request.formItems
            _ = request.header("Content-Type")
        }
        return []
    }

    /// Remote-write bodies: snappy-compressed protobuf (odd first byte) or bare protobuf (even); a body
    /// that decodes is encoded and decoded again, which must give the same request.
    public static let remoteWrite = FuzzTarget(name: "remote-write", summary: "snappy and remote-write protobuf decoding") { bytes in
        guard let (selector, rest) = FuzzInput.split(bytes) else { return [] }
        let limits = RemoteWriteRequest.Limits(maxDecodedBytes: 1 << 20, maxSeries: 10_000, maxSamples: 100_000)
        let decoded: RemoteWriteRequest?
        if selector & 1 == 1 {
            _ = try? Snappy.decode(rest, maxLength: 1 << 20)
            decoded = try? RemoteWriteRequest.decode(snappyCompressed: rest, limits: limits)
        } else {
            decoded = try? RemoteWriteRequest.decode(protobuf: rest, limits: limits)
        }
        // What decodes must encode and decode back to the same request.
        guard let decoded else { return [] }
        guard let again = try? RemoteWriteRequest.decode(snappyCompressed: decoded.encodedSnappy()) else {
            return ["a decoded request does not decode again once encoded"]
        }
        return again.timeseries == decoded.timeseries && again.metadata == decoded.metadata
            ? [] : ["encode → decode changed the request"]
    }

    /// A storage directory whose WAL holds the input: as segment 0 (first byte % 3 == 0), as a
    /// checkpoint (1), or cut in two, checkpoint then segment (2). Replay must report corruption,
    /// never crash; the storage is then closed and the directory removed.
    ///
    /// The directory lives in memory (`/dev/shm`) where there is one, since every input creates,
    /// fsyncs and removes a few files; and no checkpoint thread is started (checkpoints on close are
    /// still written when the selector's high bit is set).
    public static let wal = FuzzTarget(name: "wal", summary: "WAL and checkpoint replay") { bytes in
        guard let (selector, rest) = FuzzInput.split(bytes) else { return [] }
        let root = walScratchRoot
        let files = FileManager.default
        try? files.removeItem(atPath: root)
        defer { try? files.removeItem(atPath: root) }
        let checkpoint = root + "/wal/checkpoint.00000000"
        do {
            try files.createDirectory(atPath: checkpoint, withIntermediateDirectories: true)
            switch selector % 3 {
            case 0:
                try Data(rest).write(to: URL(fileURLWithPath: root + "/wal/00000000"))
            case 1:
                try Data(rest).write(to: URL(fileURLWithPath: checkpoint + "/00000000"))
            default:
                let half = rest.count / 2
                try Data(rest[..<half]).write(to: URL(fileURLWithPath: checkpoint + "/00000000"))
                try Data(rest[half...]).write(to: URL(fileURLWithPath: root + "/wal/00000001"))
            }
        } catch {
            return ["cannot write the WAL fixture: \(error)"]
        }
        let options = PersistentStorageOptions(wal: .init(segmentSize: 1 << 20, syncInterval: 60, maxRecordBytes: 1 << 20),
                                               retention: nil, checkpointInterval: 0,
                                               checkpointOnClose: selector & 0x80 != 0)
        guard let storage = try? PersistentStorage.open(directory: root, options: options) else { return [] }
        _ = storage.stats()
        try? storage.close()
        return []
    }
}

/// The storage directory the WAL target writes each input into: in `/dev/shm` when that is a
/// directory (a RAM disk, so the fsyncs of open and close cost nothing), else the temporary folder.
private let walScratchRoot: String = {
    var isDirectory: ObjCBool = false
    let shm = FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isDirectory) && isDirectory.boolValue
    let folder = shm ? "/dev/shm/" : NSTemporaryDirectory()
    return folder + "labctl-fuzz-wal-\(ProcessInfo.processInfo.processIdentifier)"
}()
