/// Replays the bytes one connection received through the server's request parser, without a socket:
/// the entry point of the HTTP fuzz target and of its regression test (`Sources/FuzzTargets`).
public enum HTTPRequestStreamReplay {
    /// What the parser made of a byte stream.
    public struct Outcome: Sendable {
        /// The complete requests, in order.
        public var requests: [HTTPServerRequest]
        /// The status of the error answer that ended the stream (400, 413, 414, 431), or nil.
        public var failureStatus: Int?
        /// How many `100 Continue` answers the parser asked for.
        public var continues: Int
    }

    /// Feeds `bytes` to a parser with the given limits in pieces of `chunkSize` bytes (at least 1),
    /// asking for every request after each piece, as ``HTTPServer`` does when bytes arrive.
    public static func replay(_ bytes: [UInt8], chunkSize: Int, maxRequestLineBytes: Int = 8192,
                              maxHeaderBytes: Int = 1 << 20, maxBodyBytes: Int = 1 << 20) -> Outcome {
        let limits = HTTPRequestParser.Limits(maxRequestLineBytes: maxRequestLineBytes,
                                              maxHeaderBytes: maxHeaderBytes, maxBodyBytes: maxBodyBytes)
        var parser = HTTPRequestParser(limits: limits, remoteAddress: "127.0.0.1:1")
        var outcome = Outcome(requests: [], failureStatus: nil, continues: 0)
        let step = max(1, chunkSize)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + step)
            parser.append(Array(bytes[start..<end]))
            start = end
            while true {
                switch parser.next() {
                case .needMore:
                    break
                case .sendContinue:
                    outcome.continues += 1
                    continue
                case .request(let parsed):
                    outcome.requests.append(parsed.request)
                    continue
                case .failure(let failure):
                    outcome.failureStatus = failure.status
                    return outcome
                }
                break
            }
        }
        return outcome
    }
}
