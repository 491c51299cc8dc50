import GoCompat
import Foundation
import PromModel
import Storage
import Runtime
import XCTest
#if canImport(Glibc)
import Glibc
import LabctlTestSupport
#endif

/// `labctl serve --storage.tsdb.path DIR`: data survives restarts and SIGKILL (everything synced more
/// than a second before the kill), and a corrupt log tail is repaired with a warning.
final class ServePersistenceEndToEndTests: XCTestCase {
    private func start(_ directory: URL, port: Int) throws -> BackgroundProcess {
        let process = try BackgroundProcess(try LabctlProcess.binary().path, [
            "serve", "--config", directory.appendingPathComponent("prometheus.yml").path,
            "--listen", "127.0.0.1:\(port)", "--storage.tsdb.path", directory.appendingPathComponent("data").path,
            "--storage.tsdb.retention.time", "100y", "--web.enable-remote-write-receiver"], directory: directory)
        try process.waitUntilReady("http://127.0.0.1:\(port)/-/ready")
        return process
    }

    private func write(port: Int, batch: Int, base: Int64) throws {
        var series: [RemoteWriteRequest.TimeSeries] = []
        for s in 0..<20 {
            let samples = (0..<10).map { i in Sample(t: base + Int64(batch * 10 + i) * 1000, v: Double(batch * 10 + i)) }
            series.append(.init(labels: Labels(["__name__": "ingested", "series": "s\(s)"]), samples: samples))
        }
        let body = RemoteWriteRequest(timeseries: series).encodedSnappy()
        let response = try HTTPClient(timeout: 10).send(try HTTPRequest(
            url: "http://127.0.0.1:\(port)/api/v1/write", method: "POST",
            headers: [("Content-Type", "application/x-protobuf"), ("Content-Encoding", "snappy"),
                      ("X-Prometheus-Remote-Write-Version", "0.1.0")], body: body))
        XCTAssertEqual(response.status, 204, response.text)
    }

    private func count(port: Int, base: Int64) throws -> Int {
        let end = base / 1000 + 100_000
        let url = "http://127.0.0.1:\(port)/api/v1/query?time=\(end)&query=" + FormURLEncoding.encode("sum(count_over_time(ingested[30h]))")
        let body = try JSONSerialization.jsonObject(with: Data(HTTPClient(timeout: 10).get(url).body)) as? [String: Any]
        let result = (body?["data"] as? [String: Any])?["result"] as? [[String: Any]]
        return Int(((result?.first?["value"] as? [Any])?.last as? String) ?? "0") ?? 0
    }

    func testSIGKILLKeepsEverySampleSyncedBeforeItAndACorruptTailIsRepaired() throws {
        let directory = try makeTemporaryDirectory(prefix: "serve-wal")
        try "global: {}\n".write(to: directory.appendingPathComponent("prometheus.yml"), atomically: true, encoding: .utf8)
        let base = (Int64(Date().timeIntervalSince1970) - 20 * 3600) * 1000
        var batches = 0
        var survived = 0
        for round in 0..<3 {
            let port = try LoopbackPort.freeOrSkip()
            let serve = try start(directory, port: port)
            let before = try count(port: port, base: base)
            XCTAssertGreaterThanOrEqual(before, survived, "round \(round): everything synced before the last kill is back")
            // Ingest continuously and kill in the middle of it; batches acknowledged more than a second
            // before the kill (the WAL syncs at least every second) must survive.
            var acknowledged: [(batch: Int, at: Date)] = []
            let started = Date()
            while Date().timeIntervalSince(started) < 2.5 {
                try write(port: port, batch: batches, base: base)
                acknowledged.append((batches, Date()))
                batches += 1
                Thread.sleep(forTimeInterval: 0.05)
            }
            let killedAt = Date()
            XCTAssertEqual(serve.stop(SIGKILL), SIGKILL)
            let durable = acknowledged.filter { killedAt.timeIntervalSince($0.at) > 1.2 }.count
            XCTAssertGreaterThan(durable, 0)
            survived = before + durable * 200
        }
        var final = 0
        do {
            let port = try LoopbackPort.freeOrSkip()
            let serve = try start(directory, port: port)
            final = try count(port: port, base: base)
            XCTAssertGreaterThanOrEqual(final, survived, "every sample synced a second before the last kill")
            XCTAssertLessThanOrEqual(final, batches * 200)
            XCTAssertEqual(serve.stop(), 0, "SIGTERM: a clean close")
        }
        // Garbage appended to the newest segment: replay truncates it with a warning, nothing is lost.
        let wal = directory.appendingPathComponent("data/wal")
        let segments = try FileManager.default.contentsOfDirectory(atPath: wal.path).filter { Int($0) != nil }.sorted()
        let last = try XCTUnwrap(segments.last)
        let handle = try FileHandle(forWritingTo: wal.appendingPathComponent(last))
        handle.seekToEndOfFile()
        handle.write(Data([0x01, 0xFF, 0xFF, 0xFF, 0x7F, 0x00, 0x42, 0x13, 0x37]))
        try handle.close()
        let port = try LoopbackPort.freeOrSkip()
        let serve = try start(directory, port: port)
        defer { serve.stop() }
        XCTAssertEqual(try count(port: port, base: base), final, "the garbage tail costs nothing")
        XCTAssertTrue(serve.output.contains("warning") || serve.output.contains("truncat"), serve.output)
        let second = try LabctlProcess.run(["serve", "--config", directory.appendingPathComponent("prometheus.yml").path,
                                            "--listen", "127.0.0.1:0", "--storage.tsdb.path",
                                            directory.appendingPathComponent("data").path], timeout: 30)
        XCTAssertEqual(second.status, 1, "a second server on the same directory is refused: \(second.stderr)")
    }
}
