/// Reads and verifies the records of one segment file, stopping at the first bad one.
///
/// Memory stays bounded whatever the file holds: a record is read only after its length has been
/// checked against `maxRecordBytes` and against what is left of the file.
struct WALSegmentReader {
    /// Where the file is bad and why; `nil` while every record so far was good.
    struct Corruption: Hashable {
        var offset: Int
        var reason: String
    }

    let path: String
    let maxRecordBytes: Int
    private let file: WALFile
    private let fileSize: Int
    /// End of the last good record: where a repair truncates.
    private(set) var offset = 0
    private(set) var corruption: Corruption?
    private var buffer: [UInt8] = []
    private var bufferStart = 0  // file offset of buffer[0]
    /// What one `read` fills: 1 MiB, or the file's size when smaller (so that opening a small
    /// segment or checkpoint does not allocate and clear a megabyte).
    private var readChunk: [UInt8]

    init(path: String, maxRecordBytes: Int) throws {
        self.path = path
        self.maxRecordBytes = maxRecordBytes
        file = try WALFile.openForReading(path)
        fileSize = try file.size()
        readChunk = [UInt8](repeating: 0, count: min(1 << 20, max(fileSize, 4096)))
    }

    /// The next good record, or `nil` at the end of the file or at the first bad record
    /// (then `corruption` says where and why). I/O errors are reported as corruption too.
    mutating func next() -> WALRecord? {
        guard corruption == nil, offset < fileSize else { return nil }
        do {
            return try readRecord()
        } catch let error as WALDecodeError {
            corruption = Corruption(offset: offset, reason: "undecodable record: \(error.description)")
        } catch {
            corruption = Corruption(offset: offset, reason: "read error: \(error)")
        }
        return nil
    }

    private mutating func readRecord() throws -> WALRecord? {
        let left = fileSize - offset
        let headerBytes = try bytes(at: offset, count: min(left, WALRecordCodec.headerSize))
        guard left >= WALRecordCodec.headerSize else {
            let zero = headerBytes.allSatisfy { $0 == 0 }
            return fail(zero ? "zero-filled tail of \(left) bytes" : "torn record header (\(left) of 9 bytes)")
        }
        let header = headerBytes.withUnsafeBytes { WALRecordCodec.parseHeader($0) }
        if header.type == 0 {
            let zero = headerBytes.allSatisfy { $0 == 0 }
            return fail(zero ? "zero-filled space (\(left) bytes to the end)" : "invalid record type 0")
        }
        guard WALRecordType(rawValue: header.type) != nil else { return fail("unknown record type \(header.type)") }
        guard header.length <= maxRecordBytes else {
            return fail("record length \(header.length) exceeds the limit of \(maxRecordBytes) bytes")
        }
        guard header.length <= left - WALRecordCodec.headerSize else {
            return fail("torn record: \(header.length) bytes announced, \(left - WALRecordCodec.headerSize) left")
        }
        let payload = try bytes(at: offset + WALRecordCodec.headerSize, count: header.length)
        var crc = CRC32()
        crc.update(CollectionOfOne(header.type))
        crc.update(payload)
        guard crc.value == header.crc else { return fail("checksum mismatch") }
        let record = try payload.withUnsafeBytes { try WALRecordCodec.decodePayload(type: header.type, $0) }
        offset += WALRecordCodec.headerSize + header.length
        return record
    }

    private mutating func fail(_ reason: String) -> WALRecord? {
        corruption = Corruption(offset: offset, reason: reason)
        return nil
    }

    // MARK: - Buffering

    /// `count` bytes at file offset `at` (which is at or after what was returned last).
    private mutating func bytes(at position: Int, count: Int) throws -> ArraySlice<UInt8> {
        var start = position - bufferStart
        if buffer.count - start < count {
            // Drop what was consumed once per refill, not per record.
            if start > 0 {
                buffer.removeFirst(min(start, buffer.count))
                bufferStart = position
                start = 0
            }
            while buffer.count < count {
                let n = try readChunk.withUnsafeMutableBytes { try file.read(into: $0) }
                guard n > 0 else { throw WALDecodeError("file shrank while it was read") }
                buffer.append(contentsOf: readChunk[0..<n])
            }
        }
        return buffer[start..<(start + count)]
    }
}
