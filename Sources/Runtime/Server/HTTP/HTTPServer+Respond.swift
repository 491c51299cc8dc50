/// The worker side: call the handler, write the response, hand the connection back.
extension HTTPServer {
    /// Bodies up to this size are sent in the same write as the head.
    private static let coalesceBytes = 32 * 1024

    func respond(_ job: HTTPWorkerPool.Job) {
        let connection = job.connection
        let parsed = job.parsed
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
        pool?.finished(connection)
        guard let poller else {
            connection.close()
            return
        }
        guard result.complete else {
            if HTTPSocket.now() >= deadline { recorder.rejected(.writeTimeout, status: nil) }
            poller.retire(connection)
            return
        }
        poller.handBack(connection, keepAlive ? .keepAlive : .close)
    }
}
