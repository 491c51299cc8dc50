import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the persistent storage could not open, write or replay its directory.
public struct WALError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The reason, comparable against the static members.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Another process (or another `PersistentStorage` in this one) holds the directory's lock.
        public static let locked = Kind("locked")
        /// A system call failed (disk full, permissions, I/O error).
        public static let io = Kind("io")
        /// A record is larger than the WAL accepts.
        public static let recordTooLarge = Kind("record-too-large")
        /// The storage was closed.
        public static let closed = Kind("closed")
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// An I/O error from the current `errno`.
    static func posix(_ call: String, _ path: String) -> WALError {
        let code = errno
        return WALError(.io, "\(call) \(path): \(String(cString: strerror(code)))")
    }
}
