import Foundation
import PromModel

/// Loads a storage directory into a `MemoryStorage`: the latest checkpoint, then every later
/// segment in order. A torn or corrupt segment is truncated at its last good record (a warning),
/// and replay goes on with the next segment; nothing here crashes or loops on bad bytes.
struct WALReplayer {
    let directory: WALDirectory
    let memory: MemoryStorage
    let maxRecordBytes: Int

    /// What replay learnt that the writer needs: the WAL reference of each memory reference.
    private(set) var walRefOfMemRef: [UInt64] = []
    private(set) var maxWalRef: UInt64 = 0
    /// Highest segment or checkpoint number seen (the writer starts after it).
    private(set) var lastSegment = 0
    private(set) var report = WALReplayReport()

    /// Memory reference of each WAL reference: dense refs in an array (`UInt32.max` = none), the rest in a dictionary.
    private var denseMemRefs: [UInt32] = []
    private var sparseMemRefs: [UInt64: UInt32] = [:]
    private static let denseLimit: UInt64 = 1 << 24
    private var counts = MemoryStorage.ReplayCounts()
    private var unknownRefs = 0
    private var seriesWarnings = 0

    init(directory: WALDirectory, memory: MemoryStorage, maxRecordBytes: Int) {
        self.directory = directory
        self.memory = memory
        self.maxRecordBytes = maxRecordBytes
    }

    // MARK: - Replay

    /// Replays everything; I/O errors that prevent repairs are thrown.
    mutating func replay() throws {
        let started = Date()
        for temporary in directory.temporaryCheckpoints() { try? FileManager.default.removeItem(atPath: temporary) }
        let checkpoints = directory.checkpoints()
        if let latest = checkpoints.last {
            let path = directory.checkpointPath(latest)
            for n in directory.segments(in: path) {
                readFile(path + "/" + WALDirectory.segmentName(n), repair: false)
            }
            report.checkpoint = latest
            lastSegment = latest
            // Older checkpoints and covered segments are left over from an interrupted cleanup.
            for old in checkpoints.dropLast() { try? FileManager.default.removeItem(atPath: directory.checkpointPath(old)) }
        }
        for n in directory.segments() {
            if let checkpoint = report.checkpoint, n <= checkpoint {
                try? FileManager.default.removeItem(atPath: directory.segmentPath(n))
                continue
            }
            readFile(directory.segmentPath(n), repair: true)
            report.segmentsRead += 1
            lastSegment = max(lastSegment, n)
        }
        report.samplesRejected = counts.rejected
        report.samplesDroppedByRetention = counts.outOfBounds
        report.samplesOfUnknownSeries = unknownRefs
        if unknownRefs > 0 {
            report.warnings.append(WALWarning(file: directory.wal, offset: 0,
                                              reason: "\(unknownRefs) samples of series whose series record was lost were dropped"))
        }
        if seriesWarnings > 10 {
            report.warnings.append(WALWarning(file: directory.wal, offset: 0,
                                              reason: "\(seriesWarnings) series in all were not restored"))
        }
        report.seconds = Date().timeIntervalSince(started)
    }

    private mutating func readFile(_ path: String, repair: Bool) {
        var reader: WALSegmentReader
        do {
            reader = try WALSegmentReader(path: path, maxRecordBytes: maxRecordBytes)
        } catch {
            report.warnings.append(WALWarning(file: path, offset: 0, reason: "unreadable, skipped: \(error)"))
            return
        }
        while let record = reader.next() { apply(record, file: path) }
        report.bytesRead += reader.offset
        guard let corruption = reader.corruption else { return }
        var reason = corruption.reason
        if repair {
            do {
                try WALFile.truncate(path, to: corruption.offset)
                reason += "; truncated the segment at the last good record"
            } catch {
                reason += "; could not truncate: \(error)"
            }
        } else {
            reason += "; the rest of the checkpoint was skipped"
        }
        report.warnings.append(WALWarning(file: path, offset: corruption.offset, reason: reason))
    }

    // MARK: - Records

    private mutating func apply(_ record: WALRecord, file: String) {
        switch record {
        case .series(let series):
            for s in series {
                do {
                    let memRef = try memory.replaySeries(s.labels)
                    setMemRef(memRef, for: s.ref)
                    setWalRef(s.ref, for: memRef)
                    maxWalRef = max(maxWalRef, s.ref)
                } catch {
                    if seriesWarnings < 10 {
                        report.warnings.append(WALWarning(file: file, offset: 0, reason: "series \(s.labels) not restored: \(error)"))
                    }
                    seriesWarnings += 1
                }
            }
        case .samples(let samples):
            var batch: [(ref: UInt32, t: Int64, v: Double, st: Int64)] = []
            batch.reserveCapacity(samples.count)
            for s in samples {
                guard let memRef = memRef(of: s.ref) else {
                    // Never hand this reference to a new series: later records may still use it.
                    maxWalRef = max(maxWalRef, s.ref)
                    unknownRefs += 1
                    continue
                }
                batch.append((memRef, s.t, s.v, s.st))
            }
            report.samplesRead += samples.count
            memory.replayAppend(batch, into: &counts)
        case .chunks(let chunks):
            var batch: [(ref: UInt32, t: Int64, v: Double, st: Int64)] = []
            for c in chunks {
                guard let memRef = memRef(of: c.ref) else {
                    unknownRefs += c.count
                    continue
                }
                var it = c.encoded.makeIterator()
                var index = 0
                while let s = it.next() {
                    let st = c.startTimes.map { index < $0.count ? $0[index] : 0 } ?? 0
                    batch.append((memRef, s.t, s.v, st))
                    index += 1
                }
                report.samplesRead += index
                if batch.count >= WALRecordBatcher.samplesPerRecord {
                    memory.replayAppend(batch, into: &counts)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            memory.replayAppend(batch, into: &counts)
        case .histogramSamples, .histogramChunks:
            applyHistograms(record)
        }
    }

    private mutating func applyHistograms(_ record: WALRecord) {
        var batch: [(ref: UInt32, sample: HistogramSample)] = []
        switch record {
        case .histogramSamples(let samples):
            batch.reserveCapacity(samples.count)
            for s in samples {
                guard let memRef = memRef(of: s.ref) else {
                    maxWalRef = max(maxWalRef, s.ref)
                    unknownRefs += 1
                    continue
                }
                batch.append((memRef, HistogramSample(t: s.t, h: s.h)))
            }
            report.samplesRead += samples.count
        case .histogramChunks(let chunks):
            for c in chunks {
                guard let memRef = memRef(of: c.ref) else {
                    unknownRefs += c.count
                    continue
                }
                let samples = c.encoded.samples
                report.samplesRead += samples.count
                for s in samples { batch.append((memRef, s)) }
            }
        default:
            return
        }
        memory.replayAppendHistograms(batch, into: &counts)
    }

    private func memRef(of walRef: UInt64) -> UInt32? {
        if walRef < UInt64(denseMemRefs.count) {
            let memRef = denseMemRefs[Int(walRef)]
            return memRef == .max ? nil : memRef
        }
        return walRef < WALReplayer.denseLimit ? nil : sparseMemRefs[walRef]
    }

    private mutating func setMemRef(_ memRef: UInt32, for walRef: UInt64) {
        guard walRef < WALReplayer.denseLimit else {
            sparseMemRefs[walRef] = memRef
            return
        }
        let i = Int(walRef)
        if i >= denseMemRefs.count {
            denseMemRefs.append(contentsOf: repeatElement(.max, count: max(i + 1 - denseMemRefs.count, denseMemRefs.count)))
        }
        denseMemRefs[i] = memRef
    }

    private mutating func setWalRef(_ walRef: UInt64, for memRef: UInt32) {
        let i = Int(memRef)
        if i >= walRefOfMemRef.count {
            walRefOfMemRef.append(contentsOf: repeatElement(0, count: i + 1 - walRefOfMemRef.count))
        }
        walRefOfMemRef[i] = walRef
    }
}
