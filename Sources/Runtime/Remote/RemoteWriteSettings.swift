import ConfigModel
import Foundation
import PromModel

/// What one ``RemoteWriteQueue`` does: where it posts, how it batches and retries, and which
/// series it keeps. Built from a `remote_write` entry by ``init(_:baseDirectory:resolve:)``.
public struct RemoteWriteSettings: Sendable {
    /// The configured URL (for the `url` label).
    public var url: String
    /// `remote_name`: the entry's `name`, else a short hash of its URL.
    public var name: String
    /// The request posted (host and port already resolved), without a body.
    public var request: HTTPRequest
    /// Samples held per shard before the oldest are dropped.
    public var capacityPerShard: Int
    public var shards: Int
    public var maxSamplesPerSend: Int
    /// Seconds a non-full batch waits before it is sent.
    public var batchSendDeadline: Double
    /// Seconds of the first retry's back-off, doubled up to ``maxBackoff``.
    public var minBackoff: Double
    public var maxBackoff: Double
    /// Seconds for one request.
    public var timeout: Double
    public var retryOnHTTP429: Bool
    /// `write_relabel_configs`.
    public var relabeler: Relabeler
    /// `global.external_labels`, added to series that do not have them.
    public var externalLabels: Labels

    /// The default number of shards: `max_shards` is taken as a ceiling and capped at this.
    public static let shardCeiling = 4

    /// Settings to `url` (loopback tests, benchmarks).
    /// - Throws: ``RemoteWriteError`` for a URL that is not `http://host:port/path`.
    public init(url: String, name: String? = nil, capacityPerShard: Int = 10_000, shards: Int = 2,
                maxSamplesPerSend: Int = 2_000, batchSendDeadline: Double = 5, minBackoff: Double = 0.03,
                maxBackoff: Double = 5, timeout: Double = 30, retryOnHTTP429: Bool = true,
                relabeler: Relabeler = .identity, externalLabels: Labels = .empty,
                headers: [(name: String, value: String)] = [], resolve: (String) -> String = { $0 }) throws {
        var parsed: HTTPRequest
        do { parsed = try HTTPRequest(url: url, method: "POST") } catch {
            throw RemoteWriteError(message: "remote_write url \(url): \(error)")
        }
        let authority = parsed.host.contains(":") ? "[\(parsed.host)]:\(parsed.port)" : "\(parsed.host):\(parsed.port)"
        let resolved = resolve(authority)
        if resolved != authority {
            do { (parsed.host, parsed.port) = try HTTPRequest.splitHostPort(resolved, defaultPort: parsed.port) } catch {
                throw RemoteWriteError(message: "remote_write url \(url): resolved to \(resolved): \(error)")
            }
        }
        parsed.headers = [("Content-Encoding", "snappy"), ("Content-Type", "application/x-protobuf"),
                          ("X-Prometheus-Remote-Write-Version", "0.1.0"), ("User-Agent", "labctl-remote-write")] + headers
        self.url = url
        self.name = name ?? Self.shortHash(url)
        request = parsed
        self.capacityPerShard = max(1, capacityPerShard)
        self.shards = min(max(1, shards), 64)
        self.maxSamplesPerSend = max(1, maxSamplesPerSend)
        self.batchSendDeadline = max(0.001, batchSendDeadline)
        self.minBackoff = max(0.001, minBackoff)
        self.maxBackoff = max(self.minBackoff, maxBackoff)
        self.timeout = max(0.01, timeout)
        self.retryOnHTTP429 = retryOnHTTP429
        self.relabeler = relabeler
        self.externalLabels = externalLabels
    }

    /// The settings of a `remote_write` entry; credential files are read relative to `baseDirectory`
    /// and the URL's `host:port` goes through `resolve` (a lab's service names, `--resolve`).
    /// - Throws: ``RemoteWriteError`` for https, OAuth 2, unreadable credentials and bad relabel rules.
    public init(_ config: RemoteWriteConfig, externalLabels: Labels = .empty, baseDirectory: String = ".",
                resolve: (String) -> String = { $0 }) throws {
        let what = "remote_write \(config.name ?? config.url)"
        let relabeler: Relabeler
        do { relabeler = try Relabeler(config.writeRelabelConfigs) } catch {
            throw RemoteWriteError(message: "\(what): write_relabel_configs: \(error)")
        }
        let http = config.httpClient
        guard http.oauth2 == nil else { throw RemoteWriteError(message: "\(what): oauth2 is not supported by labctl serve") }
        var headers = config.headers.map { (name: $0.name, value: $0.value) }
        func secret(_ path: String) throws -> String {
            let full = path.hasPrefix("/") ? path : (baseDirectory as NSString).appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: full), data.count <= 64 * 1024 else {
                throw RemoteWriteError(message: "\(what): cannot read credentials file \"\(path)\"")
            }
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let basic = http.basicAuth {
            let user = try basic.username ?? basic.usernameFile.map(secret) ?? ""
            let password = try basic.password ?? basic.passwordFile.map(secret) ?? ""
            headers.append(("Authorization", "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()))
        } else if let auth = http.authorization {
            if let credentials = try auth.credentials ?? auth.credentialsFile.map({ try secret($0.value) }) {
                headers.append(("Authorization", "\(auth.type.isEmpty ? "Bearer" : auth.type) \(credentials)"))
            }
        } else if let token = http.bearerToken {
            headers.append(("Authorization", "Bearer \(token)"))
        } else if let file = http.bearerTokenFile {
            headers.append(("Authorization", "Bearer \(try secret(file))"))
        }
        let q = config.queue
        try self.init(url: config.url, name: config.name, capacityPerShard: q.capacity,
                      shards: min(max(1, q.maxShards), Self.shardCeiling), maxSamplesPerSend: q.maxSamplesPerSend,
                      batchSendDeadline: Double(q.batchSendDeadline.milliseconds) / 1000,
                      minBackoff: Double(q.minBackoff.milliseconds) / 1000, maxBackoff: Double(q.maxBackoff.milliseconds) / 1000,
                      timeout: Double(config.remoteTimeout.milliseconds) / 1000, retryOnHTTP429: q.retryOnHTTP429,
                      relabeler: relabeler, externalLabels: externalLabels, headers: headers, resolve: resolve)
    }

    /// Six hex digits of FNV-1a over `text` (Prometheus names unnamed queues by a hash too).
    static func shortHash(_ text: String) -> String {
        var h: UInt32 = 2_166_136_261
        for b in text.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        let hex = String(h, radix: 16)
        return String((String(repeating: "0", count: max(0, 8 - hex.count)) + hex).prefix(6))
    }
}
