import Foundation
import PromModel

/// What one checkpoint wrote.
public struct WALCheckpointReport: Hashable, Sendable {
    /// The last segment it covers (`checkpoint.NNNNNNNN`).
    public var segment: Int
    /// Series and samples written.
    public var series: Int
    public var samples: Int
    /// Size of the checkpoint file.
    public var bytes: Int
    /// Segments deleted because the checkpoint covers them.
    public var segmentsRemoved: Int
    /// Wall-clock time it took.
    public var seconds: Double
}

// MARK: - Checkpoints

extension PersistentStorage {
    /// Applies retention (from the newest sample) to the in-memory store, then writes every live series and its samples
    /// within retention to `wal/checkpoint.N/` (N = the last segment covered; written under a
    /// temporary name, fsynced, renamed), and deletes segments up to N and older checkpoints.
    @discardableResult
    public func checkpoint() throws -> WALCheckpointReport {
        checkpointLock.lock()
        defer { checkpointLock.unlock() }
        let started = Date()
        let retained = options.retention == nil ? nil : options.retentionCutoff(newest: memory.stats().maxTime)
        let cutoff = retained ?? .min
        if retained != nil { memory.truncate(before: cutoff) }

        // A consistent cut: everything in segments <= covered is in the snapshot, nothing later is.
        commitLock.lock()
        let covered: Int
        let snapshot: [MemoryStorage.SnapshotSeries]
        let refs: [UInt64]
        do {
            guard !closed else {
                commitLock.unlock()
                throw WALError(.closed, "the storage is closed")
            }
            covered = try writer.roll()
            snapshot = memory.snapshotSeries()
            refs = walRefOfMemRef
        } catch {
            commitLock.unlock()
            throw error
        }
        commitLock.unlock()

        let final = directory.checkpointPath(covered)
        let temporary = final + WALDirectory.temporarySuffix
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
        } catch {
            throw WALError(.io, "cannot create \(temporary): \(error.localizedDescription)")
        }
        var report = WALCheckpointReport(segment: covered, series: 0, samples: 0, bytes: 0, segmentsRemoved: 0, seconds: 0)
        let file = try WALFile.create(temporary + "/" + WALDirectory.segmentName(0))
        var sink = CheckpointSink(file: file)
        // Series first, so every sample record's reference is known when it is read back.
        var series: [WALSeries] = []
        for s in snapshot {
            let walRef = Int(s.ref) < refs.count ? refs[Int(s.ref)] : 0
            guard walRef != 0 else { continue }  // never logged: it has no committed samples
            series.append(WALSeries(ref: walRef, labels: s.labels))
        }
        report.series = series.count
        for record in WALRecordBatcher.records(series: series, samples: []) { try sink.add(record) }
        // Whole chunks inside retention as they are compressed; a chunk that straddles the cutoff as samples.
        var samples: [WALSample] = []
        var chunks: [WALChunk] = []
        var chunkBytes = 0
        for s in snapshot {
            let walRef = Int(s.ref) < refs.count ? refs[Int(s.ref)] : 0
            guard walRef != 0 else { continue }
            if !s.histogramChunks.isEmpty {
                // Histograms are written after all floats: a series of both kinds goes in time order here.
                if !s.chunks.isEmpty { try writeMixed(s, walRef: walRef, cutoff: cutoff, into: &sink, report: &report) }
                continue
            }
            for chunk in s.chunks where chunk.maxT >= cutoff {
                if chunk.minT >= cutoff {
                    chunks.append(WALChunk(ref: walRef, chunk))
                    chunkBytes += chunk.byteCount + 16
                    report.samples += chunk.count
                    continue
                }
                var it = chunk.makeIterator()
                var index = 0
                while let sample = it.next() {
                    let st = chunk.startTimes.flatMap { index < $0.count ? $0[index] : nil } ?? 0
                    index += 1
                    guard sample.t >= cutoff else { continue }
                    samples.append(WALSample(ref: walRef, t: sample.t, v: sample.v, st: st))
                }
            }
            if chunkBytes >= WALRecordBatcher.seriesBytesPerRecord {
                try sink.add(.chunks(chunks))
                chunks.removeAll(keepingCapacity: true)
                chunkBytes = 0
            }
            if samples.count >= WALRecordBatcher.samplesPerRecord {
                report.samples += samples.count
                for record in WALRecordBatcher.records(series: [], samples: samples) { try sink.add(record) }
                samples.removeAll(keepingCapacity: true)
            }
        }
        if !chunks.isEmpty { try sink.add(.chunks(chunks)) }
        try writeHistograms(snapshot, refs: refs, cutoff: cutoff, into: &sink, report: &report)
        report.samples += samples.count
        for record in WALRecordBatcher.records(series: [], samples: samples) { try sink.add(record) }
        try sink.finish()
        report.bytes = sink.bytes
        try WALFile.syncDirectory(temporary)
        try WALFile.rename(temporary, final)
        try WALFile.syncDirectory(directory.wal)

        for n in directory.segments() where n <= covered {
            if (try? FileManager.default.removeItem(atPath: directory.segmentPath(n))) != nil { report.segmentsRemoved += 1 }
        }
        for old in directory.checkpoints() where old < covered {
            try? FileManager.default.removeItem(atPath: directory.checkpointPath(old))
        }
        report.seconds = Date().timeIntervalSince(started)
        maintenance.withLock { lastCheckpoint = report }
        return report
    }

    /// The histogram chunks inside retention as they are compressed; one that straddles the cutoff as samples.
    private func writeHistograms(_ snapshot: [MemoryStorage.SnapshotSeries], refs: [UInt64], cutoff: Int64,
                                 into sink: inout CheckpointSink, report: inout WALCheckpointReport) throws {
        var chunks: [WALHistogramChunk] = []
        var chunkBytes = 0
        var samples: [WALHistogramSample] = []
        for s in snapshot where !s.histogramChunks.isEmpty && s.chunks.isEmpty {
            let walRef = Int(s.ref) < refs.count ? refs[Int(s.ref)] : 0
            guard walRef != 0 else { continue }
            for chunk in s.histogramChunks where chunk.maxT >= cutoff {
                if chunk.minT >= cutoff {
                    chunks.append(WALHistogramChunk(ref: walRef, chunk))
                    chunkBytes += chunk.byteCount + 16
                    report.samples += chunk.count
                } else {
                    for sample in chunk.samples where sample.t >= cutoff {
                        samples.append(WALHistogramSample(ref: walRef, t: sample.t, h: sample.h))
                    }
                }
            }
            if chunkBytes >= WALRecordBatcher.seriesBytesPerRecord {
                try sink.add(.histogramChunks(chunks))
                chunks.removeAll(keepingCapacity: true)
                chunkBytes = 0
            }
        }
        if !chunks.isEmpty { try sink.add(.histogramChunks(chunks)) }
        report.samples += samples.count
        for record in WALRecordBatcher.records(histograms: samples) { try sink.add(record) }
    }

    /// A series with float and histogram samples: its samples within retention in time order, in
    /// alternating runs of float and histogram records.
    private func writeMixed(_ s: MemoryStorage.SnapshotSeries, walRef: UInt64, cutoff: Int64,
                            into sink: inout CheckpointSink, report: inout WALCheckpointReport) throws {
        var floats: [WALSample] = []
        for chunk in s.chunks where chunk.maxT >= cutoff {
            var it = chunk.makeIterator()
            var index = 0
            while let sample = it.next() {
                let st = chunk.startTimes.flatMap { index < $0.count ? $0[index] : nil } ?? 0
                index += 1
                if sample.t >= cutoff { floats.append(WALSample(ref: walRef, t: sample.t, v: sample.v, st: st)) }
            }
        }
        var histograms: [WALHistogramSample] = []
        for chunk in s.histogramChunks where chunk.maxT >= cutoff {
            for sample in chunk.samples where sample.t >= cutoff {
                histograms.append(WALHistogramSample(ref: walRef, t: sample.t, h: sample.h))
            }
        }
        report.samples += floats.count + histograms.count
        var f = 0, h = 0
        while f < floats.count || h < histograms.count {
            if h >= histograms.count || (f < floats.count && floats[f].t < histograms[h].t) {
                let start = f
                while f < floats.count && (h >= histograms.count || floats[f].t < histograms[h].t) { f += 1 }
                for record in WALRecordBatcher.records(series: [], samples: Array(floats[start..<f])) { try sink.add(record) }
            } else {
                let start = h
                while h < histograms.count && (f >= floats.count || histograms[h].t <= floats[f].t) { h += 1 }
                for record in WALRecordBatcher.records(histograms: Array(histograms[start..<h])) { try sink.add(record) }
            }
        }
    }

    // MARK: - Background

    /// Starts the thread that checkpoints every `checkpointInterval` seconds.
    func startMaintenance() {
        guard options.checkpointInterval > 0 else {
            maintenanceDone = true
            return
        }
        let thread = Thread { [self] in maintenanceLoop() }
        thread.name = "labctl-wal-checkpoint"
        thread.start()
    }

    private func maintenanceLoop() {
        maintenance.lock()
        while !stopping {
            _ = maintenance.wait(until: Date(timeIntervalSinceNow: options.checkpointInterval))
            if stopping { break }
            maintenance.unlock()
            let error: Error?
            do { try checkpoint(); error = nil } catch let e { error = e }
            maintenance.lock()
            lastCheckpointError = error
        }
        maintenanceDone = true
        maintenance.broadcast()
        maintenance.unlock()
    }

    /// What the log and the checkpoints have done since open.
    public var status: WALStatus {
        let (checkpoint, error) = maintenance.withLock { (lastCheckpoint, lastCheckpointError) }
        return WALStatus(directory: directory.root, currentSegment: writer.currentSegment, commits: writer.appendedSequence,
                         durableCommits: writer.syncedSequence, loggedBytes: writer.loggedBytes,
                         lastCheckpoint: checkpoint, checkpointError: error.map { "\($0)" })
    }

    /// The error of the last background checkpoint, if it failed.
    public var checkpointError: Error? {
        maintenance.lock()
        defer { maintenance.unlock() }
        return lastCheckpointError
    }
}

/// Buffers checkpoint records into a file, writing in 1 MiB pieces.
private struct CheckpointSink {
    let file: WALFile
    var buffer: [UInt8] = []
    var bytes = 0

    init(file: WALFile) {
        self.file = file
    }

    mutating func add(_ record: WALRecord) throws {
        WALRecordCodec.appendFrame(record, to: &buffer)
        if buffer.count >= 1 << 20 { try flush() }
    }

    mutating func flush() throws {
        try buffer.withUnsafeBytes { try file.write($0) }
        bytes += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func finish() throws {
        try flush()
        try file.sync()
        file.close()
    }
}
