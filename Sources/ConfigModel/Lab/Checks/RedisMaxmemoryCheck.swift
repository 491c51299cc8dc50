import Diagnostics

/// A query of `redis_memory_max_bytes` while Redis runs without `--maxmemory`: the metric is 0, so
/// `used / max` is +Inf and a memory alert always fires (the seed's Lab 7 RedisMemoryHigh).
///
/// Triggers: `redis_memory_used_bytes / redis_memory_max_bytes > 0.9` with `command: redis-server`.
/// Does not trigger: `redis-server --maxmemory 256mb`.
public struct RedisMaxmemoryCheck: LabWiringCheck {
    public static let code = "lab/redis-no-maxmemory"
    public static let summary = "redis_memory_max_bytes is queried but Redis runs without --maxmemory (the metric is 0)"
    public static let isLint = true

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        guard let redis = lab.services.first(where: { $0.role == .redis }),
              !(redis.compose.command ?? []).contains(where: { $0.contains("maxmemory") && !$0.contains("maxmemory-") }),
              redis.compose.node?["volumes"] == nil || !(redis.compose.command ?? []).contains(where: { $0.hasSuffix(".conf") })
        else { return [] }
        var seen = Set<String>()
        return lab.queryReferences.compactMap { ref -> Diagnostic? in
            guard ref.metric == "redis_memory_max_bytes", seen.insert(ref.context).inserted else { return nil }
            return .warning(Self.code, "\(ref.context) reads redis_memory_max_bytes, but \(redis.name) runs without "
                            + "--maxmemory, so it is 0 (division gives +Inf); start Redis with "
                            + "redis-server --maxmemory 256mb, and divide by (redis_memory_max_bytes > 0)",
                            at: ref.location)
        }
    }
}
