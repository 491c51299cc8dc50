import Diagnostics
import PromModel
import YAML

// MARK: - remote_write

extension RemoteWriteConfig {
    static func decode(_ node: YAMLNode, _ ctx: inout YAMLDecodingContext) -> RemoteWriteConfig? {
        let own = ["url", "name", "remote_timeout", "headers", "write_relabel_configs", "send_exemplars",
                   "send_native_histograms", "round_robin_dns", "protobuf_message", "queue_config", "metadata_config"]
        guard let m = ctx.mapping(node, allowed: own + HTTPClientConfig.keys, what: "remote_write config") else {
            return nil
        }
        var c = RemoteWriteConfig()
        c.location = node.location
        c.url = RemoteEndpoint.url(m, &ctx, kind: "remote_write")
        c.name = ctx.string(m["name"])
        if let d = ctx.duration(m["remote_timeout"], what: "remote_timeout") { c.remoteTimeout = d }
        c.headers = ctx.labelPairs(m["headers"], what: "headers") ?? []
        c.writeRelabelConfigs = RelabelConfig.decodeList(m["write_relabel_configs"], &ctx, what: "write_relabel_configs")
        if let b = ctx.bool(m["send_exemplars"]) { c.sendExemplars = b }
        _ = ctx.bool(m["send_native_histograms"])
        _ = ctx.bool(m["round_robin_dns"])
        if let q = m["queue_config"] { c.queue = QueueConfig.decode(q, &ctx) }
        if let md = ctx.mapping(m["metadata_config"], allowed: ["send", "send_interval", "max_samples_per_send"],
                                what: "metadata_config") {
            _ = ctx.bool(md["send"])
            _ = ctx.duration(md["send_interval"], what: "send_interval")
            _ = ctx.count(md["max_samples_per_send"], what: "max_samples_per_send")
        }
        c.httpClient = HTTPClientConfig.decode(m, &ctx)
        return c
    }
}

extension QueueConfig {
    static func decode(_ node: YAMLNode, _ ctx: inout YAMLDecodingContext) -> QueueConfig {
        let keys = ["capacity", "max_shards", "min_shards", "max_samples_per_send", "batch_send_deadline",
                    "min_backoff", "max_backoff", "retry_on_http_429", "sample_age_limit"]
        var q = QueueConfig()
        guard let m = ctx.mapping(node, allowed: keys, what: "queue_config") else { return q }
        if let v = ctx.count(m["capacity"], what: "capacity") { q.capacity = v }
        if let v = ctx.count(m["max_shards"], what: "max_shards") { q.maxShards = v }
        if let v = ctx.count(m["min_shards"], what: "min_shards") { q.minShards = v }
        if let v = ctx.count(m["max_samples_per_send"], what: "max_samples_per_send") { q.maxSamplesPerSend = v }
        if let d = ctx.duration(m["batch_send_deadline"], what: "batch_send_deadline") { q.batchSendDeadline = d }
        if let d = ctx.duration(m["min_backoff"], what: "min_backoff") { q.minBackoff = d }
        if let d = ctx.duration(m["max_backoff"], what: "max_backoff") { q.maxBackoff = d }
        if let b = ctx.bool(m["retry_on_http_429"]) { q.retryOnHTTP429 = b }
        if let d = ctx.duration(m["sample_age_limit"], what: "sample_age_limit") { q.sampleAgeLimit = d }
        if q.maxShards == 0, let n = m["max_shards"] {
            ctx.error(ConfigCode.invalidQueueConfig, "max_shards must be greater than 0", at: n)
        }
        if q.minShards > q.maxShards {
            ctx.error(ConfigCode.invalidQueueConfig,
                      "min_shards (\(q.minShards)) must not be greater than max_shards (\(q.maxShards))",
                      at: m["min_shards"] ?? node)
        }
        if q.minBackoff > q.maxBackoff {
            ctx.error(ConfigCode.invalidQueueConfig, "min_backoff must not be greater than max_backoff",
                      at: m["min_backoff"] ?? node)
        }
        return q
    }
}

// MARK: - remote_read

extension RemoteReadConfig {
    static func decode(_ node: YAMLNode, _ ctx: inout YAMLDecodingContext) -> RemoteReadConfig? {
        let own = ["url", "name", "remote_timeout", "headers", "read_recent", "required_matchers",
                   "filter_external_labels"]
        guard let m = ctx.mapping(node, allowed: own + HTTPClientConfig.keys, what: "remote_read config") else {
            return nil
        }
        var c = RemoteReadConfig()
        c.location = node.location
        c.url = RemoteEndpoint.url(m, &ctx, kind: "remote_read")
        c.name = ctx.string(m["name"])
        if let d = ctx.duration(m["remote_timeout"], what: "remote_timeout") { c.remoteTimeout = d }
        c.headers = ctx.labelPairs(m["headers"], what: "headers") ?? []
        if let b = ctx.bool(m["read_recent"]) { c.readRecent = b }
        c.requiredMatchers = ctx.labelPairs(m["required_matchers"], what: "required_matchers") ?? []
        if let b = ctx.bool(m["filter_external_labels"]) { c.filterExternalLabels = b }
        c.httpClient = HTTPClientConfig.decode(m, &ctx)
        return c
    }
}

/// The `url` field of remote endpoints.
enum RemoteEndpoint {
    static func url(_ m: YAMLMapping, _ ctx: inout YAMLDecodingContext, kind: String) -> String {
        guard let n = m["url"], !n.isNull, let url = ctx.string(n) else {
            ctx.error(ConfigCode.invalidURL, "url for \(kind) is empty", at: m.keyNode("url") ?? m.node)
            return ""
        }
        if !(url.hasPrefix("http://") || url.hasPrefix("https://")) || url.count <= "https://".count - 1 {
            ctx.error(ConfigCode.invalidURL, "invalid url \"\(url)\" for \(kind): expected http:// or https://", at: n)
        }
        return url
    }
}
