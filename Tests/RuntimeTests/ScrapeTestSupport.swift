import ConfigModel
import Foundation
import PromModel
import Storage
import PromQL
import XCTest
@testable import Runtime
#if canImport(Glibc)
import Glibc
import LabctlTestSupport
#endif

/// A scrape target for the scraper tests: labctl's own ``HTTPServer`` on a free 127.0.0.1 port that
/// answers every request with the current exposition (body, content type, extra headers, optional
/// delay) and records the requests it received.
final class ScrapeFixtureTarget: @unchecked Sendable {
    struct Reply {
        var status = 200
        var body: [UInt8] = []
        var contentType = "text/plain; version=0.0.4; charset=utf-8"
        var headers: [(name: String, value: String)] = []
        var delay: Double = 0
    }

    private let lock = NSLock()
    private var reply = Reply()
    private var received: [HTTPServerRequest] = []
    private var server: HTTPServer?

    /// `host:port` of the target.
    let address: String

    init(text: String = "") throws {
        let box = Box()
        let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0, workers: 4, headerTimeout: 5,
                                                                       idleTimeout: 5, writeTimeout: 5),
                                handler: HTTPClosureHandler { request in box.target?.answer(request) ?? .plain(500, "gone") })
        try server.start()
        address = "127.0.0.1:\(server.boundPort)"
        self.server = server
        box.target = self
        self.text = text
    }

    private final class Box: @unchecked Sendable { weak var target: ScrapeFixtureTarget? }

    private func answer(_ request: HTTPServerRequest) -> HTTPServerResponse {
        let r = lock.withLock { () -> Reply in
            received.append(request)
            return reply
        }
        if r.delay > 0 { Thread.sleep(forTimeInterval: r.delay) }
        return HTTPServerResponse(status: r.status, headers: [("Content-Type", r.contentType)] + r.headers, body: r.body)
    }

    /// The exposition served (UTF-8 text).
    var text: String {
        get { String(decoding: lock.withLock { reply.body }, as: UTF8.self) }
        set { lock.withLock { reply.body = Array(newValue.utf8) } }
    }

    /// Changes the reply.
    func update(_ change: (inout Reply) -> Void) { lock.withLock { change(&reply) } }

    /// Requests received so far.
    var requests: [HTTPServerRequest] { lock.withLock { received } }

    func stop() {
        server?.shutdown(grace: 1)
        server = nil
    }

    deinit { server?.shutdown(grace: 0) }
}

/// A raw TCP listener on 127.0.0.1 that answers each of up to `connections` connections with
/// `bytes` and closes (for responses HTTPServer would never send: truncated bodies, garbage heads).
final class ScrapeRawListener: @unchecked Sendable {
    let port: Int
    private let fd: Int32

    init(bytes: [UInt8], connections: Int = 4) throws {
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard s >= 0 else { throw NSError(domain: "listener", code: 1) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw -> Bool in
                bind(s, raw, len) == 0 && listen(s, 8) == 0 && getsockname(s, raw, &len) == 0
            }
        }
        guard ok else { close(s); throw NSError(domain: "listener", code: 2) }
        fd = s
        port = Int(UInt16(bigEndian: addr.sin_port))
        var tv = timeval()
        tv.tv_sec = 10
        setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        let thread = Thread {
            defer { close(s) }
            for _ in 0..<connections {
                let c = accept(s, nil, nil)
                if c < 0 { return }
                var buffer = [UInt8](repeating: 0, count: 8192)
                _ = recv(c, &buffer, buffer.count, 0)
                _ = bytes.withUnsafeBytes { send(c, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                close(c)
            }
        }
        thread.start()
    }

    var address: String { "127.0.0.1:\(port)" }
}

/// Configuration, storage and query helpers shared by the Scrape*Tests.
enum ScrapeTestKit {
    /// Parses a prometheus.yml text.
    static func config(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) throws -> PrometheusConfig {
        let parsed = PrometheusConfig.parse(yaml, file: "prometheus.yml")
        return try XCTUnwrap(parsed.validValue, "\(parsed.diagnostics)", file: file, line: line)
    }

    /// A manager over `storage` with `yaml` applied (base directory `directory`).
    static func manager(_ yaml: String, storage: MemoryStorage, directory: String = ".",
                        file: StaticString = #filePath, line: UInt = #line) throws -> ScrapeManager {
        let manager = ScrapeManager(storage: storage)
        try manager.apply(try config(yaml, file: file, line: line), baseDirectory: directory)
        return manager
    }

    /// A one-job configuration scraping `address` with `extra` YAML lines (indented for the job).
    static func job(_ address: String, name: String = "fixture", _ extra: String = "") -> String {
        """
        scrape_configs:
          - job_name: \(name)
            scrape_interval: 15s
            scrape_timeout: 5s
        \(extra.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))
            static_configs:
              - targets: ["\(address)"]
        """
    }

    /// The instant vector of `query` at `at` (milliseconds) as `labels description → value`.
    static func vector(_ storage: MemoryStorage, _ query: String, at: Int64) throws -> [String: Double] {
        let expr = try Parser().parseExpr(query)
        let result = try Engine().instantQuery(expr, at: at, querier: storage)
        guard case .vector(let samples) = result.value else { return [:] }
        var out: [String: Double] = [:]
        for s in samples { out[s.metric.description] = s.f }
        return out
    }

    /// The one value of `query` at `at`, or nil.
    static func value(_ storage: MemoryStorage, _ query: String, at: Int64) throws -> Double? {
        let v = try vector(storage, query, at: at)
        return v.count == 1 ? v.values.first : nil
    }

    /// Every stored series' labels (described), excluding nothing.
    static func seriesNames(_ storage: MemoryStorage) -> Set<String> {
        Set(storage.allSeriesLabels().map(\.description))
    }

    /// The raw samples of the series named `name` (all label sets).
    static func samples(_ storage: MemoryStorage, _ name: String) throws -> [(Labels, [Sample])] {
        let set = try storage.select([try LabelMatcher(.equal, Label.metricName, name)], mint: .min, maxt: .max, hints: nil)
        return set.map { ($0.labels, $0.samples) }
    }

    /// A gzip member holding `bytes` in stored (uncompressed) DEFLATE blocks.
    static func gzipStored(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        var offset = 0
        repeat {
            let n = min(65_535, bytes.count - offset)
            let last: UInt8 = offset + n >= bytes.count ? 1 : 0
            out.append(last)
            out += [UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += bytes[offset..<(offset + n)]
            offset += n
        } while offset < bytes.count
        let crc = CRC32.checksum(bytes), size = UInt32(truncatingIfNeeded: bytes.count)
        for v in [crc, size] { out += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)] }
        return out
    }

    /// `bytes` compressed by /bin/gzip (real Huffman blocks), or nil when gzip is missing.
    static func gzipTool(_ bytes: [UInt8]) throws -> [UInt8]? {
        guard let tool = ToolLocator.path("gzip") else {
            return nil
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scrape-gz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("body")
        try Data(bytes).write(to: file)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = ["-9", file.path]
        try p.run()
        p.waitUntilExit()
        return try [UInt8](Data(contentsOf: dir.appendingPathComponent("body.gz")))
    }

    /// A temporary directory, removed by the caller.
    static func directory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-scrape-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
