import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// TCP ports on 127.0.0.1 for tests that start servers.
public enum LoopbackPort {
    /// A port free on 127.0.0.1 right now (bound to port 0, read back, released), or `nil` when no
    /// socket can be had.
    public static func free() -> Int? {
        guard let (fd, port) = bound() else { return nil }
        close(fd)
        return port
    }

    /// A free port, or the test is skipped when no socket can be had.
    public static func freeOrSkip() throws -> Int {
        guard let port = free() else { throw XCTSkip("no free port on 127.0.0.1") }
        return port
    }

    /// A port that refuses connections for as long as the returned descriptor stays open: bound, not
    /// listening. Close the descriptor when done.
    public static func refusing() -> (fd: Int32, port: Int)? { bound() }

    private static func bound() -> (Int32, Int)? {
        #if canImport(Darwin)
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #else
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw -> Int32 in
                guard bind(fd, raw, length) == 0 else { return -1 }
                return getsockname(fd, raw, &length)
            }
        }
        guard result == 0 else {
            close(fd)
            return nil
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}
