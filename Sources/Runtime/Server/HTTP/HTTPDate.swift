import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `Date` header value (IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`), formatted at most once a
/// second and shared by the worker threads.
final class HTTPDate: @unchecked Sendable {
    private let lock = NSLock()
    private var second = -1
    private var text = ""

    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Now, formatted.
    var now: String {
        var t = time(nil)
        return lock.withLock {
            if Int(t) != second {
                second = Int(t)
                text = Self.format(&t)
            }
            return text
        }
    }

    private static func format(_ t: inout time_t) -> String {
        var parts = tm()
        gmtime_r(&t, &parts)
        let day = days[Int(parts.tm_wday) % 7]
        let month = months[Int(parts.tm_mon) % 12]
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(day), \(two(parts.tm_mday)) \(month) \(parts.tm_year + 1900) \(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}
