import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on `DIR/lock`, held while a storage has the directory open, so that two
/// servers never write one WAL. The holder's PID is written into the file for the error message.
final class WALDirectoryLock {
    private let file: WALFile

    init(path: String, directory: String) throws {
        file = try WALFile.openLockFile(path)
        guard flock(file.fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            var head = [UInt8](repeating: 0, count: 32)
            let n = head.withUnsafeMutableBytes { pread(file.fd, $0.baseAddress, $0.count, 0) }
            let holder = String(decoding: head.prefix(max(0, n)), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            guard busy else { throw WALError.posix("flock", path) }
            let who = holder.isEmpty ? "another process" : "process \(holder)"
            throw WALError(.locked, "storage directory \(directory) is in use by \(who) (lock file \(path)); "
                + "stop that server or choose another --storage.path")
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(file.fd, 0)
        _ = pid.withUnsafeBytes { pwrite(file.fd, $0.baseAddress, $0.count, 0) }
    }

    /// Releases the lock.
    func release() {
        _ = flock(file.fd, LOCK_UN)
        file.close()
    }
}
