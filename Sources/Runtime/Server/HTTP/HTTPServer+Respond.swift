/// The worker side: call the handler, write the response, hand the connection back. Requests a
/// client pipelined behind the one answered are answered by the same worker (a few at most, for
/// fairness) without a round trip through the poller.
extension HTTPServer {
    /// Bodies up to this size are sent in the same write as the head.
    private static let coalesceBytes = 32 * 1024
    /// Pipelined requests one worker answers in a row before the connection goes back to the poller.
    private static let pipelinedInARow = 8

    func respond(_ job: HTTPWorkerPool.Job) {
        let connection = job.connection
        var parsed = job.parsed
        var round = 0
        while true {
            round += 1
            guard let keepAlive = answer(parsed, on: connection) else {
                pool?.finished(connection)
                poller?.retire(connection)
                return
            }
            guard keepAlive else { return handBack(connection, .close) }
            guard round < Self.pipelinedInARow, !connection.parser.buffer.isEmpty else {
                return handBack(connection, .keepAlive)
            }
            switch connection.parser.next() {
            case .request(let next):
                parsed = next
            case .sendContinue:
                let interim = connection.write(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8),
                                               deadline: HTTPSocket.now() + configuration.writeTimeout)
                recorder.sent(interim.sent)
                return handBack(connection, .keepAlive)
            case .needMore, .failure:
                // The poller reads the rest, or answers the (final, repeated) failure.
                return handBack(connection, .keepAlive)
            }
        }
    }

    private func handBack(_ connection: HTTPServerConnection, _ handoff: HTTPConnectionPoller.Handoff) {
        pool?.finished(connection)
        guard let poller else { return connection.close() }
        poller.handBack(connection, handoff)
    }

    /// Calls the handler and writes its response: whether to keep the connection, or nil when the
    /// write failed (the connection must be closed).
    private func answer(_ parsed: HTTPRequestParser.Parsed, on connection: HTTPServerConnection) -> Bool? {
        let handler = self.handler
        recorder.handlerStarted()
        let started = HTTPSocket.now()
        let response = handler.handle(parsed.request)
        let elapsed = HTTPSocket.now() - started
        let closeAsked = response.header("Connection").map { HTTPToken.list($0).contains("close") } ?? false
        let keepAlive = parsed.keepAlive && !closeAsked && !isStopping
        let (head, sendBody) = response.wireHead(keepAlive: keepAlive, isHead: parsed.isHead, date: date.now)
        recorder.handlerFinished(status: HTTPServerResponse.wireStatus(response.status), seconds: elapsed)

        let deadline = HTTPSocket.now() + configuration.writeTimeout
        var result: (sent: Int, complete: Bool)
        if sendBody && response.body.count <= Self.coalesceBytes {
            result = connection.write(head + response.body, deadline: deadline)
        } else {
            result = connection.write(head, deadline: deadline)
            if result.complete && sendBody {
                let body = connection.write(response.body, deadline: deadline)
                result = (result.sent + body.sent, body.complete)
            }
        }
        recorder.sent(result.sent)
        connection.servedRequests += 1
        guard result.complete else {
            if HTTPSocket.now() >= deadline { recorder.rejected(.writeTimeout, status: nil) }
            return nil
        }
        return keepAlive
    }
}
