import Diagnostics

/// A service's `requirements.txt` that lacks a package its Python sources import: the image builds,
/// and the container dies with ModuleNotFoundError. The seed's Lab 6 gave a requirements.txt with only
/// `redis==5.0.1`, as if it replaced the file (fastapi, uvicorn and prometheus-client went missing).
///
/// Only well-known third-party modules are judged (fastapi, prometheus_client, redis, psutil…).
///
/// Triggers: `requirements.txt` = `redis==5.0.1` beside a `main.py` that imports fastapi.
/// Does not trigger: every imported package listed (any version pin, extras like `uvicorn[standard]`); a
/// starter's file with a `TODO(labctl)` marker.
public struct PythonRequirementsCheck: LabWiringCheck {
    public static let code = "lab/python-requirement-missing"
    public static let summary = "requirements.txt lacks a package the service's Python sources import"
    public static let isLint = false

    /// Import name → the names it is installed under.
    static let packages: [String: [String]] = [
        "fastapi": ["fastapi"], "prometheus_client": ["prometheus-client", "prometheus_client"],
        "redis": ["redis"], "psutil": ["psutil"], "uvicorn": ["uvicorn"], "httpx": ["httpx"], "requests": ["requests"],
        "prometheus_fastapi_instrumentator": ["prometheus-fastapi-instrumentator", "prometheus_fastapi_instrumentator"],
        "memory_profiler": ["memory-profiler", "memory_profiler"], "line_profiler": ["line-profiler", "line_profiler"],
        "flask": ["flask"], "aiohttp": ["aiohttp"], "pydantic": ["pydantic", "fastapi"],
    ]

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        var dirs: [String] = []
        for s in lab.services where s.role == .app {
            if let context = s.compose.buildContext { dirs.append(LabPath.join(s.baseDirectory, context)) }
        }
        dirs.append(lab.directory)
        var out: [Diagnostic] = []
        for dir in Set(dirs).sorted() {
            let requirements = LabPath.join(dir, "requirements.txt")
            // A starter's file still marked to do is left to ``TodoMarkerCheck``.
            guard let text = LabPath.readText(requirements, maxBytes: 1 << 20), !text.contains(TodoMarkerCheck.marker) else {
                continue
            }
            let listed = Self.listed(text)
            let sources = PythonSource.all(in: lab).filter { LabPath.relative($0.path, to: dir) != nil }
            var missing: [String] = []
            for source in sources {
                for module in Self.imported(source) where !missing.contains(module) {
                    guard let names = Self.packages[module], !names.contains(where: listed.contains) else { continue }
                    missing.append(module)
                }
            }
            guard !missing.isEmpty else { continue }
            let names = missing.compactMap { Self.packages[$0]?.first }
            out.append(.error(Self.code, "\(requirements) lacks \(names.joined(separator: ", ")), which the sources import "
                              + "(ModuleNotFoundError when the service starts); add them, keeping the existing lines",
                              at: SourceLocation(file: requirements, line: 1, column: 1)))
        }
        return out
    }

    /// Package names of a requirements file, lowercased, without versions, extras or markers.
    static func listed(_ text: String) -> Set<String> {
        Set(text.split(separator: "\n").compactMap { raw -> String? in
            let line = PythonSource.code(raw)
            guard let first = line.first, first.isLetter || first.isNumber else { return nil }
            let name = line.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
            return name.lowercased()
        })
    }

    /// Top-level modules a source imports (`import x`, `from x.y import z`).
    static func imported(_ source: PythonSource) -> [String] {
        source.lines.compactMap { raw -> String? in
            let line = PythonSource.code(raw)
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count >= 2, words[0] == "import" || words[0] == "from" else { return nil }
            return String(words[1].prefix { $0 != "." && $0 != "," })
        }
    }
}
