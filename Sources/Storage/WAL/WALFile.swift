import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file descriptor with the few POSIX calls the WAL needs, each turning `errno` into `WALError`.
final class WALFile {
    let path: String
    private(set) var fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit { if fd >= 0 { _ = WALSystemCall.close(fd) } }

    /// Opens `path` for reading.
    static func openForReading(_ path: String) throws -> WALFile {
        let fd = WALSystemCall.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw WALError.posix("open", path) }
        return WALFile(path: path, fd: fd)
    }

    /// Creates `path` (which must not exist) for appending.
    static func create(_ path: String) throws -> WALFile {
        let fd = WALSystemCall.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WALError.posix("create", path) }
        return WALFile(path: path, fd: fd)
    }

    /// Opens (creating) `path` for reading and writing, as the lock file.
    static func openLockFile(_ path: String) throws -> WALFile {
        let fd = WALSystemCall.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WALError.posix("open", path) }
        return WALFile(path: path, fd: fd)
    }

    // MARK: - I/O

    /// Writes all of `bytes`, retrying short writes and interruptions.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            guard let base = bytes.baseAddress else { return }
            let n = WALSystemCall.write(fd, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw WALError.posix("write", path)
            }
            offset += n
        }
    }

    /// Reads up to `count` bytes into `buffer` at `offset`; 0 at the end of the file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = WALSystemCall.read(fd, base, buffer.count)
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw WALError.posix("read", path) }
            return n
        }
    }

    func sync() throws {
        guard fsync(fd) == 0 else { throw WALError.posix("fsync", path) }
    }

    /// The file's size in bytes.
    func size() throws -> Int {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw WALError.posix("stat", path) }
        return Int(st.st_size)
    }

    func close() {
        if fd >= 0 { _ = WALSystemCall.close(fd) }
        fd = -1
    }

    // MARK: - Paths

    /// Cuts the file at `path` to `length` bytes and syncs it.
    static func truncate(_ path: String, to length: Int) throws {
        let fd = WALSystemCall.open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw WALError.posix("open", path) }
        defer { _ = WALSystemCall.close(fd) }
        guard ftruncate(fd, off_t(length)) == 0 else { throw WALError.posix("truncate", path) }
        guard fsync(fd) == 0 else { throw WALError.posix("fsync", path) }
    }

    /// Syncs a directory, so that files created, renamed or removed in it are durable.
    static func syncDirectory(_ path: String) throws {
        let fd = WALSystemCall.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw WALError.posix("open", path) }
        defer { _ = WALSystemCall.close(fd) }
        guard fsync(fd) == 0 else { throw WALError.posix("fsync", path) }
    }

    /// Renames atomically.
    static func rename(_ from: String, _ to: String) throws {
        guard WALSystemCall.rename(from, to) == 0 else { throw WALError.posix("rename", from) }
    }
}
