import Foundation
import PromModel
import Runtime

/// `labctl-bench remote-write [samples] [series]`: samples per second `labctl serve`'s remote_write
/// queue forwards (relabel, shard, batch, protobuf + snappy, HTTP) to a receiver on loopback that
/// decodes every request, and the receiver's decode rate.
enum RemoteWriteBenchmark {
    final class Received: @unchecked Sendable {
        let lock = NSLock()
        var samples = 0
    }

    static func run(_ arguments: [String]) throws {
        let total = arguments.first.flatMap(Int.init) ?? 2_000_000
        let seriesCount = max(1, arguments.dropFirst().first.flatMap(Int.init) ?? 10_000)
        let received = Received()
        let receiver = HTTPServer(configuration: HTTPServerConfiguration(port: 0, workers: 4, maxBodyBytes: 64 << 20),
                                  handler: HTTPClosureHandler { request in
            guard let decoded = try? RemoteWriteRequest.decode(snappyCompressed: request.body) else {
                return .plain(400, "bad body")
            }
            let n = decoded.timeseries.reduce(0) { $0 + $1.samples.count }
            received.lock.withLock { received.samples += n }
            return HTTPServerResponse(status: 204)
        })
        try receiver.start()
        defer { receiver.shutdown(grace: 1) }
        let settings = try RemoteWriteSettings(url: "http://127.0.0.1:\(receiver.boundPort)/api/v1/write",
                                               capacityPerShard: 200_000, shards: 4, maxSamplesPerSend: 5_000,
                                               batchSendDeadline: 0.2)
        let queue = RemoteWriteQueue(settings: settings)
        queue.start()
        let labels = (0..<seriesCount).map { Labels(["__name__": "bench_forwarded", "series": "s\($0)", "job": "bench"]) }
        print("remote-write: \(total) samples of \(seriesCount) series, 4 shards, 5000 samples per request")
        let start = DispatchTime.now().uptimeNanoseconds
        var t: Int64 = 1_700_000_000_000
        var sent = 0
        while sent < total {
            let batch = min(seriesCount, total - sent)
            queue.enqueue((0..<batch).map { RemoteWriteSample(labels: labels[$0], t: t, v: Double(sent + $0)) })
            sent += batch
            t += 15_000
            while queue.pending > 600_000 { Thread.sleep(forTimeInterval: 0.001) }
        }
        let deadline = Date().addingTimeInterval(120)
        while received.lock.withLock({ received.samples }) < total, Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        queue.stop(timeout: 5)
        let counts = queue.snapshot
        let got = received.lock.withLock { received.samples }
        print(String(format: "forwarded %d samples in %.2f s: %.0f samples/s, %d requests, %d dropped, %d failed",
                     got, seconds, Double(got) / seconds, counts.requests, counts.dropped, counts.failed))
        print("maxrss: \(StorageBenchmark.maxRSSKiB()) KiB")
    }
}
