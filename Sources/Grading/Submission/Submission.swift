import Foundation

/// A student's lab directory, read as untrusted input: only regular files inside it, never through a
/// symbolic link, an absolute path or `..`, and never more than ``maxFileBytes`` of one file.
public struct Submission: Sendable {
    /// The directory as given (shown in reports).
    public let path: String
    /// The directory as an absolute, standardized URL.
    public let root: URL
    /// The largest file a check reads, in bytes.
    public var maxFileBytes: Int

    /// The default limit on one file: far above any lab file, far below what exhausts memory.
    public static let defaultMaxFileBytes = 4 << 20

    /// Opens `path`; throws ``SubmissionError`` when it is not a directory (or is a link to one).
    public init(path: String, maxFileBytes: Int = Submission.defaultMaxFileBytes) throws {
        self.path = path
        self.maxFileBytes = maxFileBytes
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var st = stat()
        guard lstat(url.path, &st) == 0 else { throw SubmissionError.notFound(path) }
        if (st.st_mode & S_IFMT) == S_IFLNK { throw SubmissionError.symlink(path) }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { throw SubmissionError.notDirectory(path) }
        root = url
    }

    /// The absolute path of `relative` inside the submission, after checking that every component
    /// stays inside and that none is a symbolic link.
    public func resolve(_ relative: String) throws -> String {
        guard !relative.isEmpty else { throw SubmissionError.outside(relative) }
        if relative.hasPrefix("/") || relative.hasPrefix("~") { throw SubmissionError.outside(relative) }
        let parts = relative.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        guard !parts.isEmpty, !parts.contains("..") else { throw SubmissionError.outside(relative) }
        var current = root.path
        for part in parts {
            current += "/" + part
            var st = stat()
            guard lstat(current, &st) == 0 else { throw SubmissionError.notFound(relative) }
            if (st.st_mode & S_IFMT) == S_IFLNK { throw SubmissionError.symlink(relative) }
        }
        return current
    }

    /// Whether `relative` is a regular file of the submission (links and escapes count as absent).
    public func isFile(_ relative: String) -> Bool {
        guard let full = try? resolve(relative) else { return false }
        var st = stat()
        return stat(full, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// Whether `relative` is a directory of the submission.
    public func isDirectory(_ relative: String) -> Bool {
        guard let full = try? resolve(relative) else { return false }
        var st = stat()
        return stat(full, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// The bytes of the regular file `relative`, at most ``maxFileBytes``.
    public func data(_ relative: String) throws -> Data {
        let full = try resolve(relative)
        var st = stat()
        guard stat(full, &st) == 0 else { throw SubmissionError.notFound(relative) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw SubmissionError.notRegular(relative) }
        guard Int(st.st_size) <= maxFileBytes else {
            throw SubmissionError.tooLarge(relative, bytes: Int(st.st_size), limit: maxFileBytes)
        }
        guard let handle = FileHandle(forReadingAtPath: full) else { throw SubmissionError.unreadable(relative) }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maxFileBytes + 1)) ?? Data()
        guard data.count <= maxFileBytes else {
            throw SubmissionError.tooLarge(relative, bytes: data.count, limit: maxFileBytes)
        }
        return data
    }

    /// The UTF-8 text of the regular file `relative`.
    public func text(_ relative: String) throws -> String {
        let bytes = try data(relative)
        guard let text = String(data: bytes, encoding: .utf8) else { throw SubmissionError.notText(relative) }
        return text
    }

    /// The names of the regular files directly inside the directory `relative` (`""` is the root),
    /// sorted; links are left out. At most `limit` entries are looked at.
    public func files(in relative: String, limit: Int = 10_000) throws -> [String] {
        let dir = relative.isEmpty || relative == "." ? root.path : try resolve(relative)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
            throw SubmissionError.notDirectory(relative)
        }
        var out: [String] = []
        for name in names.prefix(limit) {
            var st = stat()
            guard lstat(dir + "/" + name, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            out.append(name)
        }
        return out.sorted()
    }

    /// Every path (relative, `/`-separated) under the submission that is a symbolic link, up to
    /// `limit` entries visited: findings, since graders never follow them.
    public func symlinks(limit: Int = 20_000) -> [String] {
        var found: [String] = []
        var queue = [""]
        var visited = 0
        var index = 0
        while index < queue.count, visited < limit {
            let relative = queue[index]
            index += 1
            let dir = relative.isEmpty ? root.path : root.path + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for name in names.sorted() {
                visited += 1
                if visited > limit { break }
                let child = relative.isEmpty ? name : relative + "/" + name
                var st = stat()
                guard lstat(root.path + "/" + child, &st) == 0 else { continue }
                switch st.st_mode & S_IFMT {
                case S_IFLNK: found.append(child)
                case S_IFDIR: queue.append(child)
                default: break
                }
            }
        }
        return found
    }
}
