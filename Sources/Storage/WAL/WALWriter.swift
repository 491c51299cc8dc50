import Foundation

/// Appends framed records to numbered segment files, buffered in memory, written and fsynced by a
/// background thread at least every `syncInterval` seconds, and on `sync()` and `close()`.
///
/// A new segment is started when the current one would grow past `segmentSize`; one `log` call
/// never spans two segments. Errors of the background thread are thrown by the next call.
public final class WALWriter: @unchecked Sendable {
    /// Tunables of a writer.
    public struct Options: Hashable, Sendable {
        /// Size at which a new segment is started (default 128 MiB).
        public var segmentSize: Int
        /// Longest time buffered records wait before they are written and fsynced (default 0.5 s).
        public var syncInterval: Double
        /// Largest record payload accepted (default 16 MiB); replay rejects larger length prefixes.
        public var maxRecordBytes: Int

        public init(segmentSize: Int = 128 << 20, syncInterval: Double = 0.5, maxRecordBytes: Int = 16 << 20) {
            self.segmentSize = segmentSize
            self.syncInterval = syncInterval
            self.maxRecordBytes = maxRecordBytes
        }
    }

    private let directory: WALDirectory
    private let options: Options
    private let lock = NSCondition()
    // Guarded by `lock`.
    private var file: WALFile?
    private var segment: Int
    private var segmentBytes = 0
    private var buffer: [UInt8] = []
    private var appended: UInt64 = 0
    private var synced: UInt64 = 0
    private var written: UInt64 = 0
    private var failure: WALError?
    private var closed = false
    private var flusherDone = false
    private var bytesLogged: Int64 = 0

    /// Opens a writer whose first segment is `firstSegment` (created; it must not exist).
    init(directory: WALDirectory, firstSegment: Int, options: Options) throws {
        self.directory = directory
        self.options = options
        segment = firstSegment
        file = try WALFile.create(directory.segmentPath(firstSegment))
        try WALFile.syncDirectory(directory.wal)
        let thread = Thread { [weak self] in self?.flushLoop() }
        thread.name = "labctl-wal-sync"
        thread.start()
    }

    // MARK: - Appending

    /// Buffers `records` (framed and checksummed) as one unit; returns its sequence number, durable
    /// once `syncedSequence` reaches it.
    @discardableResult
    public func log(_ records: [WALRecord]) throws -> UInt64 {
        var bytes: [UInt8] = []
        for record in records {
            let start = bytes.count
            WALRecordCodec.appendFrame(record, to: &bytes)
            let payload = bytes.count - start - WALRecordCodec.headerSize
            guard payload <= options.maxRecordBytes else {
                throw WALError(.recordTooLarge, "WAL record of \(payload) bytes exceeds \(options.maxRecordBytes)")
            }
        }
        lock.lock()
        defer { lock.unlock() }
        try lockedCheck()
        if segmentBytes > 0, segmentBytes + bytes.count > options.segmentSize {
            try lockedRoll()
        }
        buffer.append(contentsOf: bytes)
        segmentBytes += bytes.count
        bytesLogged += Int64(bytes.count)
        appended += 1
        if buffer.count >= 1 << 20 { try lockedWrite() }
        return appended
    }

    /// Writes and fsyncs everything logged so far.
    public func sync() throws {
        lock.lock()
        defer { lock.unlock() }
        try lockedCheck()
        try lockedSync()
    }

    /// Closes the current segment (synced) and starts the next; returns the number of the closed one.
    @discardableResult
    public func roll() throws -> Int {
        lock.lock()
        defer { lock.unlock() }
        try lockedCheck()
        let closedSegment = segment
        try lockedRoll()
        return closedSegment
    }

    /// Syncs, stops the background thread and closes the segment. Later calls throw `.closed`.
    public func close() throws {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        var result: Error?
        do { try lockedSync() } catch { result = error }
        closed = true
        lock.broadcast()
        while !flusherDone { lock.wait() }
        file?.close()
        file = nil
        if let result { throw result }
    }

    // MARK: - State

    /// Sequence number of the newest `log` call that is fsynced.
    public var syncedSequence: UInt64 { lock.withLock { synced } }
    /// Sequence number of the newest `log` call.
    public var appendedSequence: UInt64 { lock.withLock { appended } }
    /// Bytes of frames logged since the writer opened.
    public var loggedBytes: Int64 { lock.withLock { bytesLogged } }
    /// The segment being written.
    public var currentSegment: Int { lock.withLock { segment } }

    // MARK: - Locked helpers

    private func lockedCheck() throws {
        if closed { throw WALError(.closed, "the WAL is closed") }
        if let failure { throw failure }
    }

    private func lockedWrite() throws {
        guard !buffer.isEmpty else { return }
        guard let file else { throw WALError(.closed, "the WAL is closed") }
        do {
            try buffer.withUnsafeBytes { try file.write($0) }
        } catch let error as WALError {
            failure = error
            throw error
        }
        buffer.removeAll(keepingCapacity: buffer.capacity <= 4 << 20)
        written = appended
    }

    private func lockedSync() throws {
        try lockedWrite()
        guard synced < written else { return }
        do {
            try file?.sync()
        } catch let error as WALError {
            failure = error
            throw error
        }
        synced = written
    }

    private func lockedRoll() throws {
        try lockedSync()
        file?.close()
        file = nil
        segment += 1
        do {
            file = try WALFile.create(directory.segmentPath(segment))
            try WALFile.syncDirectory(directory.wal)
        } catch let error as WALError {
            failure = error
            throw error
        }
        segmentBytes = 0
    }

    // MARK: - Background sync

    private func flushLoop() {
        lock.lock()
        while !closed {
            _ = lock.wait(until: Date(timeIntervalSinceNow: options.syncInterval))
            if closed { break }
            if failure == nil { try? lockedSync() }
        }
        flusherDone = true
        lock.broadcast()
        lock.unlock()
    }
}
