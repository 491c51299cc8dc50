import Diagnostics

/// The synchronous Redis client used by an async FastAPI app: each call blocks the event loop, so one
/// slow Redis stalls every request. The seed's Lab 6 did this (`import redis` …
/// `redis.Redis(...)` inside `async def`).
///
/// Triggers: `import redis` and `r = redis.Redis(host="redis")` in a file with `async def` endpoints.
/// Does not trigger: `from redis import asyncio as aioredis` and `aioredis.Redis(...)`.
public struct PythonBlockingClientCheck: LabWiringCheck {
    public static let code = "lab/python-blocking-client"
    public static let summary = "the synchronous redis client in a file with async endpoints (blocks the event loop)"
    public static let isLint = true

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        PythonSource.all(in: lab).compactMap { source -> Diagnostic? in
            let code = source.lines.map(PythonSource.code)
            guard code.contains(where: { $0.hasPrefix("async def") }),
                  code.contains(where: { $0 == "import redis" }),
                  let index = code.firstIndex(where: { $0.contains("redis.Redis(") || $0.contains("redis.StrictRedis(") })
            else { return nil }
            return .warning(Self.code, "the synchronous redis client blocks the event loop of the async endpoints; "
                            + "use `from redis import asyncio as aioredis` and `await` its calls",
                            at: source.location(line: index + 1, of: "redis."))
        }
    }
}
