import Foundation
import PromModel

/// Prometheus's notifier towards real Alertmanagers: posts alerts as JSON to
/// `http://ADDRESS/PREFIX/api/v2/alerts` on a background queue (a slow Alertmanager never holds
/// up rule evaluation), with a bounded queue and the number of failed sends kept.
public final class AlertmanagerClient: @unchecked Sendable {
    /// The `/api/v2/alerts` URLs alerts go to.
    public let urls: [String]
    /// Most alerts waiting; older ones are dropped beyond (Prometheus's `--alertmanager.notification-queue-capacity`).
    public let queueCapacity: Int
    private let poster: HTTPPoster
    private let queue = DispatchQueue(label: "labctl.alertmanager-client")
    private let lock = NSLock()
    private var pending = 0
    private var sentCount = 0
    private var failedCount = 0
    private var droppedCount = 0
    private var lastErrorText = ""

    public init(urls: [String], timeout: TimeInterval = 10, queueCapacity: Int = 10_000) {
        self.urls = urls
        self.queueCapacity = queueCapacity
        poster = HTTPPoster(timeout: timeout)
    }

    /// The JSON body Alertmanager's `POST /api/v2/alerts` takes.
    public static func body(_ alerts: [Alert]) -> String {
        "[" + alerts.map { a in
            "{\"labels\":" + NotificationJSON.object(a.labels) + ",\"annotations\":" + NotificationJSON.object(a.annotations)
                + ",\"startsAt\":" + NotificationJSON.string(NotificationJSON.time(a.startsAt))
                + ",\"endsAt\":" + NotificationJSON.string(NotificationJSON.time(a.endsAt))
                + ",\"generatorURL\":" + NotificationJSON.string(a.generatorURL) + "}"
        }.joined(separator: ",") + "]"
    }

    /// Queues `alerts` for every Alertmanager.
    public func send(_ alerts: [Alert]) {
        guard !urls.isEmpty, !alerts.isEmpty else { return }
        let accepted: Bool = lock.withLock {
            if pending + alerts.count > queueCapacity {
                droppedCount += alerts.count
                return false
            }
            pending += alerts.count
            return true
        }
        guard accepted else { return }
        let body = Data(Self.body(alerts).utf8)
        queue.async { [self] in
            for url in urls {
                do {
                    _ = try poster.post(url, body: body)
                    lock.withLock { sentCount += alerts.count }
                } catch {
                    lock.withLock {
                        failedCount += alerts.count
                        lastErrorText = "\(url): \(error)"
                    }
                }
            }
            lock.withLock { pending -= alerts.count }
        }
    }

    /// Alerts sent, failed and dropped so far, and the last error.
    public var counts: (sent: Int, failed: Int, dropped: Int, lastError: String) {
        lock.withLock { (sentCount, failedCount, droppedCount, lastErrorText) }
    }

    /// Waits until every queued alert was tried (for tests and shutdown).
    public func drain() { queue.sync {} }
}
