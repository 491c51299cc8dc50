import Diagnostics

/// Decorators that cannot work where the seed put them: `@asyncio.create_task` (not a decorator: it
/// runs at import, when there is no event loop, and the module fails to load) and memory_profiler's
/// `@profile` on an `async def` (it measures creating the coroutine, not running it).
///
/// Triggers: `@asyncio.create_task` above `async def update_system_metrics():`; `@profile` above
/// `async def handler():`. Does not trigger: `asyncio.create_task(update())` in a FastAPI lifespan;
/// `@profile` on a plain `def`.
public struct PythonDecoratorPitfallCheck: LabWiringCheck {
    public static let code = "lab/python-decorator-pitfall"
    public static let summary = "@asyncio.create_task used as a decorator, or memory_profiler's @profile on a coroutine"
    public static let isLint = true

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        PythonSource.all(in: lab).flatMap { source -> [Diagnostic] in
            let code = source.lines.map(PythonSource.code)
            return code.indices.compactMap { i -> Diagnostic? in
                let line = code[i]
                if line.hasPrefix("@asyncio.create_task") {
                    return .warning(Self.code, "@asyncio.create_task is not a decorator: it runs when the module is "
                                    + "imported, with no event loop, and the import fails; start the task in FastAPI's "
                                    + "lifespan: asyncio.create_task(update_system_metrics())",
                                    at: source.location(line: i + 1, of: "@asyncio.create_task"))
                }
                if line == "@profile" || line.hasPrefix("@profile(") || line == "@memory_profiler.profile",
                   let next = code[(i + 1)...].first(where: { !$0.hasPrefix("@") && !$0.isEmpty }), next.hasPrefix("async def") {
                    return .warning(Self.code, "memory_profiler's @profile does not measure coroutines (only the creation "
                                    + "of the coroutine object); measure around the await, e.g. with tracemalloc",
                                    at: source.location(line: i + 1, of: "@"))
                }
                return nil
            }
        }
    }
}
