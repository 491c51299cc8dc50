/// Turns UTF-8 offsets of one text into 1-based lines and columns (columns count characters as
/// Unicode scalars), for the scanners that report where they found a value. Offsets asked in
/// increasing order cost one pass over the text in all; an earlier offset restarts from the top.
struct LineCursor {
    private let bytes: [UInt8]
    private var line = 1
    private var lineStart = 0
    private var scanned = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The line and column of the byte at `offset` (clamped to the text).
    mutating func position(of offset: Int) -> (line: Int, column: Int) {
        let target = min(max(offset, 0), bytes.count)
        if target < scanned { (line, lineStart, scanned) = (1, 0, 0) }
        while scanned < target {
            if bytes[scanned] == UInt8(ascii: "\n") {
                line += 1
                lineStart = scanned + 1
            }
            scanned += 1
        }
        var column = 1
        for i in lineStart..<target where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return (line, column)
    }

    /// The offset where the line holding `offset` starts.
    mutating func lineStart(of offset: Int) -> Int {
        _ = position(of: offset)
        return lineStart
    }
}
