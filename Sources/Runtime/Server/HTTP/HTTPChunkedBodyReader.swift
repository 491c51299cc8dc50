/// Decodes a `Transfer-Encoding: chunked` body incrementally from a connection's buffer: chunk
/// sizes in hex (extensions ignored), data, CRLFs and trailers (read and dropped), each bounded.
struct HTTPChunkedBodyReader {
    private enum Step {
        case size, data(remaining: Int), dataEnd, trailer
    }

    /// Longest chunk-size line (with extensions) accepted.
    static let maxSizeLineBytes = 4096

    /// Next byte of the connection's buffer to read.
    private(set) var position: Int
    /// The decoded body so far.
    private(set) var body: [UInt8] = []
    private let limits: HTTPRequestParser.Limits
    private var step = Step.size
    private var trailerBytes = 0

    init(position: Int, limits: HTTPRequestParser.Limits) {
        self.position = position
        self.limits = limits
    }

    /// Reads what `buffer` holds past `position`; true when the body (and its trailers) is complete.
    mutating func read(_ buffer: [UInt8]) throws(HTTPRequestFailure) -> Bool {
        while true {
            switch step {
            case .size:
                guard let line = try nextLine(buffer, limit: Self.maxSizeLineBytes, tooLong: .bad("chunk size line too long")) else {
                    return false
                }
                let size = try parseSize(buffer[line])
                step = size == 0 ? .trailer : .data(remaining: size)
            case .data(let remaining):
                let available = buffer.count - position
                guard available > 0 else { return false }
                let take = min(available, remaining)
                body.append(contentsOf: buffer[position..<(position + take)])
                position += take
                step = take == remaining ? .dataEnd : .data(remaining: remaining - take)
            case .dataEnd:
                guard position < buffer.count else { return false }
                if buffer[position] == UInt8(ascii: "\n") {
                    position += 1
                } else if buffer[position] == UInt8(ascii: "\r") {
                    guard position + 1 < buffer.count else { return false }
                    guard buffer[position + 1] == UInt8(ascii: "\n") else { throw .bad("invalid chunk: missing CRLF after data") }
                    position += 2
                } else {
                    throw .bad("invalid chunk: missing CRLF after data")
                }
                step = .size
            case .trailer:
                let before = position
                guard let line = try nextLine(buffer, limit: limits.maxHeaderBytes, tooLong: .headersTooLarge) else {
                    return false
                }
                trailerBytes += position - before
                if trailerBytes > limits.maxHeaderBytes { throw .headersTooLarge }
                if line.isEmpty { return true }
                guard buffer[line].contains(UInt8(ascii: ":")) else { throw .bad("malformed trailer line") }
            }
        }
    }

    /// The next line's content range (without CRLF), advancing past it; nil when it is incomplete.
    private mutating func nextLine(_ buffer: [UInt8], limit: Int,
                                   tooLong: HTTPRequestFailure) throws(HTTPRequestFailure) -> Range<Int>? {
        guard position <= buffer.count else { return nil }
        guard let lf = buffer[position...].firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.count - position > limit { throw tooLong }
            return nil
        }
        if lf - position > limit { throw tooLong }
        var end = lf
        if end > position, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = position..<end
        position = lf + 1
        return line
    }

    /// A chunk-size: hex digits, optional whitespace and `;extensions`, within the body limit.
    private func parseSize(_ line: ArraySlice<UInt8>) throws(HTTPRequestFailure) -> Int {
        var value = 0
        var digits = 0
        var index = line.startIndex
        while index < line.endIndex, let d = HTTPToken.hexDigit(line[index]) {
            digits += 1
            if digits > 15 { throw .bodyTooLarge }
            value = value &* 16 &+ d
            index += 1
        }
        guard digits > 0 else { throw .bad("invalid chunk size") }
        while index < line.endIndex, line[index] == UInt8(ascii: " ") || line[index] == UInt8(ascii: "\t") { index += 1 }
        guard index == line.endIndex || line[index] == UInt8(ascii: ";") else { throw .bad("invalid chunk size") }
        if value > limits.maxBodyBytes - body.count { throw .bodyTooLarge }
        return value
    }
}
