import Foundation

/// Path arithmetic for lab files: host paths as the user named the lab directory (so diagnostics print
/// `labs/lab7/prometheus/prometheus.yml`, not an absolute path) and POSIX container paths.
enum LabPath {
    /// The real path of the lab directory being checked: while set, walks and reads never leave it
    /// (a symbolic link to `/` or `..` is not followed; ``LinkOutsideLabCheck`` reports it).
    @TaskLocal static var confinement: String?

    /// The path with every symbolic link resolved (`nil` when it cannot be, e.g. a loop or a dangling link).
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether `path` resolves inside the confinement (always true when there is none).
    static func isConfined(_ path: String) -> Bool {
        guard let root = confinement else { return true }
        guard let real = realPath(path) else { return false }
        return real == root || real.hasPrefix(root == "/" ? "/" : root + "/")
    }

    /// Whether `path` itself is a symbolic link (not followed).
    static func isSymbolicLink(_ path: String) -> Bool {
        let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
        return type == .typeSymbolicLink
    }

    /// `base` joined with `relative`; an absolute `relative` is returned normalised as is.
    static func join(_ base: String, _ relative: String) -> String {
        if relative.hasPrefix("/") { return normalize(relative) }
        if base.isEmpty || base == "." { return normalize(relative) }
        return normalize(base + "/" + relative)
    }

    /// Removes `.` components, empty components and `dir/..` pairs (leading `..` are kept).
    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == "..", absolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The directory part of `path` (`.` when there is none).
    static func directory(of path: String) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        return dir.isEmpty ? "." : dir
    }

    /// The last component of `path`.
    static func fileName(of path: String) -> String { (path as NSString).lastPathComponent }

    /// `path` relative to `directory` when it lies inside it, else `nil`. Both are normalised first.
    static func relative(_ path: String, to directory: String) -> String? {
        let p = normalize(path), d = normalize(directory)
        if p == d { return "" }
        if d == "/" { return p.hasPrefix("/") ? String(p.dropFirst()) : nil }
        guard p.hasPrefix(d + "/") else { return nil }
        return String(p.dropFirst(d.count + 1))
    }

    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// The entries of a directory, sorted; empty when it cannot be read.
    static func contents(of directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    /// Files under `directory` whose names end with one of `suffixes`, walking at most `depth` levels and
    /// returning at most `limit` paths (joined to `directory`), sorted. Hidden directories, virtual
    /// environments and caches are skipped. At most `maxEntries` directory entries are looked at, so a
    /// mount of `/` or folders of symbolic links back to their parents cannot make the walk unbounded.
    static func files(under directory: String, suffixes: [String], depth: Int = 4, limit: Int = 500,
                      maxEntries: Int = 20_000) -> [String] {
        var out: [String] = []
        guard isConfined(directory) else { return [] }
        var queue: [(String, Int)] = [(directory, 0)]
        var next = 0
        var seen = 0
        let skipped: Set<String> = ["node_modules", "venv", ".venv", "__pycache__", ".git", "site-packages"]
        walk: while next < queue.count, out.count < limit {
            let (dir, level) = queue[next]
            next += 1
            for name in contents(of: dir) where !name.hasPrefix(".") && !skipped.contains(name) {
                seen += 1
                if seen > maxEntries { break walk }
                let path = join(dir, name)
                if confinement != nil, isSymbolicLink(path), !isConfined(path) { continue }
                if isDirectory(path) {
                    if level < depth { queue.append((path, level + 1)) }
                } else if suffixes.contains(where: { name.hasSuffix($0) }), out.count < limit {
                    out.append(path)
                }
            }
        }
        return out.sorted()
    }

    /// Reads a text file of at most `maxBytes`; `nil` when it cannot be read or is larger.
    static func readText(_ path: String, maxBytes: Int = 4 << 20) -> String? {
        guard isConfined(path), let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: maxBytes + 1), data.count <= maxBytes else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
