import ConfigModel
import Foundation
import PromModel
import Storage
import XCTest
@testable import Runtime

/// A loopback receiver: decodes each body and answers with the statuses of `script` in turn (then 204).
final class FakeRemoteWriteReceiver: @unchecked Sendable {
    private let lock = NSLock()
    private var script: [Int]
    private(set) var requests: [RemoteWriteRequest] = []
    private(set) var attempts = 0
    private(set) var headers: [(name: String, value: String)] = []
    var server: HTTPServer?

    init(script: [Int] = [], port: Int = 0) throws {
        self.script = script
        let server = HTTPServer(configuration: HTTPServerConfiguration(port: port), handler: HTTPClosureHandler { [weak self] r in
            self?.handle(r) ?? HTTPServerResponse(status: 500)
        })
        try server.start()
        self.server = server
    }

    private func handle(_ r: HTTPServerRequest) -> HTTPServerResponse {
        lock.withLock {
            attempts += 1
            headers = r.headers
            let status = script.isEmpty ? 204 : script.removeFirst()
            if status == 204, let decoded = try? RemoteWriteRequest.decode(snappyCompressed: r.body) {
                requests.append(decoded)
            }
            return HTTPServerResponse(status: status)
        }
    }

    var url: String { "http://\(server?.boundAddress ?? "")/api/v1/write" }
    var samples: [(String, Int64, Double)] {
        lock.withLock {
            requests.flatMap { $0.timeseries.flatMap { ts in ts.samples.map { (ts.labels.description, $0.t, $0.v) } } }
        }
    }
    var requestCount: Int { lock.withLock { requests.count } }
    var attemptCount: Int { lock.withLock { attempts } }
    func stop() { server?.shutdown(grace: 1) }
}

final class RemoteWriteQueueTests: XCTestCase {
    static func samples(_ n: Int, series: Int = 3, from t0: Int64 = 1_000) -> [RemoteWriteSample] {
        (0..<n).map { i in
            RemoteWriteSample(labels: Labels(["__name__": "m", "i": String(i % series)]), t: t0 + Int64(i), v: Double(i))
        }
    }

    func waitUntil(_ seconds: Double = 10, _ condition: () -> Bool) {
        let end = Date().addingTimeInterval(seconds)
        while !condition() && Date() < end { Thread.sleep(forTimeInterval: 0.02) }
    }

    func testBatchesBySizeAndDeadline() throws {
        let receiver = try FakeRemoteWriteReceiver()
        defer { receiver.stop() }
        let queue = RemoteWriteQueue(settings: try RemoteWriteSettings(url: receiver.url, shards: 1, maxSamplesPerSend: 10,
                                                                       batchSendDeadline: 0.3))
        queue.start()
        queue.enqueue(Self.samples(25))
        waitUntil { receiver.samples.count == 25 }
        XCTAssertEqual(receiver.samples.count, 25)
        XCTAssertEqual(receiver.requestCount, 3, "two full batches of 10 and the rest after the deadline")
        XCTAssertEqual(receiver.requests.first?.timeseries.reduce(0) { $0 + $1.samples.count }, 10)
        let names = Set(receiver.headers.map { $0.name.lowercased() })
        XCTAssertTrue(names.isSuperset(of: ["content-encoding", "content-type", "x-prometheus-remote-write-version", "user-agent"]))
        queue.stop(timeout: 2)
        let c = queue.snapshot
        XCTAssertEqual(c.sent, 25)
        XCTAssertEqual(c.failed, 0)
        XCTAssertEqual(queue.pending, 0)
        let text = RemoteWriteQueue.exposition([queue])
        XCTAssertTrue(text.contains("prometheus_remote_storage_samples_total{remote_name="))
        XCTAssertTrue(text.contains("prometheus_remote_storage_shards{"))
    }

    func testWriteRelabelDropsAndKeeps() throws {
        let receiver = try FakeRemoteWriteReceiver()
        defer { receiver.stop() }
        let drop = RelabelConfig(sourceLabels: ["i"], regex: "1", action: .drop)
        let queue = RemoteWriteQueue(settings: try RemoteWriteSettings(url: receiver.url, batchSendDeadline: 0.05,
                                                                       relabeler: try Relabeler([drop])))
        queue.start()
        queue.enqueue(Self.samples(30))
        queue.stop(timeout: 5)
        XCTAssertEqual(receiver.samples.count, 20)
        XCTAssertFalse(receiver.samples.contains { $0.0.contains("i=\"1\"") })
        XCTAssertEqual(queue.snapshot.dropped, 10)
        XCTAssertEqual(queue.snapshot.overflowed, 0)
    }

    func testServerErrorsAreRetriedAndNothingIsLost() throws {
        let receiver = try FakeRemoteWriteReceiver(script: [500, 503, 500])
        defer { receiver.stop() }
        let queue = RemoteWriteQueue(settings: try RemoteWriteSettings(url: receiver.url, shards: 1, batchSendDeadline: 0.05,
                                                                       minBackoff: 0.01, maxBackoff: 0.05))
        queue.start()
        queue.enqueue(Self.samples(40))
        waitUntil { receiver.samples.count == 40 }
        queue.stop(timeout: 2)
        XCTAssertEqual(receiver.samples.count, 40)
        XCTAssertEqual(Set(receiver.samples.map(\.1)).count, 40)
        XCTAssertEqual(queue.snapshot.retried, 120)
        XCTAssertEqual(queue.snapshot.failed, 0)
    }

    func testClientErrorDropsWithoutRetry() throws {
        let receiver = try FakeRemoteWriteReceiver(script: [400])
        defer { receiver.stop() }
        let queue = RemoteWriteQueue(settings: try RemoteWriteSettings(url: receiver.url, shards: 1, batchSendDeadline: 0.05,
                                                                       minBackoff: 0.01))
        queue.start()
        queue.enqueue(Self.samples(5))
        waitUntil { queue.snapshot.failed == 5 }
        queue.enqueue(Self.samples(3, from: 9_000))
        queue.stop(timeout: 2)
        XCTAssertEqual(queue.snapshot.failed, 5)
        XCTAssertEqual(queue.snapshot.retried, 0)
        XCTAssertEqual(receiver.attemptCount, 2)
        XCTAssertEqual(receiver.samples.count, 3)
    }

    func testReceiverDownThenUpLosesNothingWithinCapacity() throws {
        let first = try FakeRemoteWriteReceiver()
        let address = first.server?.boundAddress ?? ""
        let port = Int(address.split(separator: ":").last ?? "") ?? 0
        first.stop()
        let queue = RemoteWriteQueue(settings: try RemoteWriteSettings(url: "http://\(address)/api/v1/write", capacityPerShard: 1_000,
                                                                       shards: 2, maxSamplesPerSend: 50, batchSendDeadline: 0.05,
                                                                       minBackoff: 0.01, maxBackoff: 0.1, timeout: 1))
        queue.start()
        queue.enqueue(Self.samples(300, series: 7))
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertGreaterThan(queue.snapshot.retried, 0)
        let receiver = try FakeRemoteWriteReceiver(port: port)
        defer { receiver.stop() }
        waitUntil { receiver.samples.count >= 300 }
        queue.stop(timeout: 2)
        XCTAssertEqual(receiver.samples.count, 300)
        XCTAssertEqual(Set(receiver.samples.map(\.1)).count, 300)
        XCTAssertEqual(queue.snapshot.dropped, 0)
        XCTAssertEqual(queue.snapshot.failed, 0)
    }

    func testFullQueueDropsOldest() throws {
        let receiver = try FakeRemoteWriteReceiver()
        defer { receiver.stop() }
        let queue = RemoteWriteQueue(settings: try RemoteWriteSettings(url: receiver.url, capacityPerShard: 10, shards: 1,
                                                                       batchSendDeadline: 0.05))
        queue.enqueue(Self.samples(25))
        XCTAssertEqual(queue.snapshot.overflowed, 15)
        XCTAssertEqual(queue.snapshot.dropped, 15)
        queue.start()
        queue.stop(timeout: 2)
        XCTAssertEqual(receiver.samples.map(\.1).sorted(), (1_015..<1_025).map { Int64($0) }, "the newest ten are kept")
    }

    func testStopDrainsBeforeTheDeadline() throws {
        let receiver = try FakeRemoteWriteReceiver()
        defer { receiver.stop() }
        let queue = RemoteWriteQueue(settings: try RemoteWriteSettings(url: receiver.url, batchSendDeadline: 60))
        queue.start()
        queue.enqueue(Self.samples(17))
        queue.stop(timeout: 5)
        XCTAssertEqual(receiver.samples.count, 17)
        XCTAssertEqual(queue.pending, 0)
    }

    func testForwardingAppendableForwardsCommittedSamplesOnly() throws {
        let receiver = try FakeRemoteWriteReceiver()
        defer { receiver.stop() }
        let queue = RemoteWriteQueue(settings: try RemoteWriteSettings(url: receiver.url, batchSendDeadline: 0.05))
        let store = MemoryStorage()
        let forwarding = ForwardingAppendable(inner: store, queues: [queue])
        queue.start()
        let app = forwarding.appender()
        let ref = try app.append(Labels(["__name__": "a"]), t: 1_000, v: 1)
        try app.commit()
        let second = forwarding.appender()
        try second.append(ref, t: 2_000, v: 2)
        try second.commit()
        let rolled = forwarding.appender()
        try rolled.append(Labels(["__name__": "b"]), t: 1_000, v: 9)
        rolled.rollback()
        queue.stop(timeout: 5)
        XCTAssertEqual(receiver.samples.map(\.1).sorted(), [1_000, 2_000])
        XCTAssertEqual(store.stats().sampleCount, 2)
    }

    func testBadURLIsAnError() {
        XCTAssertThrowsError(try RemoteWriteSettings(url: "https://example.org/api/v1/write"))
        XCTAssertThrowsError(try RemoteWriteSettings(url: "ftp://x"))
    }
}
