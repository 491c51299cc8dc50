import ConfigModel
import Foundation

/// Delivers notifications for real where labctl can, and records the rest in an outbox directory:
///
/// - webhook: an HTTP `POST` of Alertmanager's webhook JSON to `url` (http:// only); with
///   `deliverWebhooks: false`, or a URL that cannot be posted to, the body goes to the outbox instead;
/// - email: an `.eml` file (see ``EmailMessage``);
/// - every other integration (slack, pagerduty, opsgenie, telegram, msteams, …): a JSON file with its
///   rendered message fields and non-secret addressing settings.
///
/// Files are named `NNNN-<receiver>-<integration>.<ext>` in delivery order.
public final class OutboxNotifier: Notifier, @unchecked Sendable {
    public let outbox: URL
    let renderer: NotificationRenderer
    let poster: HTTPPoster
    let deliverWebhooks: Bool
    private let lock = NSLock()
    private var sequence = 0

    public init(outbox: URL, renderer: NotificationRenderer, poster: HTTPPoster = HTTPPoster(),
                deliverWebhooks: Bool = true) {
        self.outbox = outbox
        self.renderer = renderer
        self.poster = poster
        self.deliverWebhooks = deliverWebhooks
    }

    public func notify(_ n: AlertNotification) throws {
        switch n.integration.kind {
        case .webhook:
            let body = WebhookPayload.body(n)
            if deliverWebhooks, let url = n.integration["url"], url.lowercased().hasPrefix("http://") {
                try poster.post(url, body: Data(body.utf8))
            } else {
                try write(body, n, ext: "json")
            }
        case .email:
            try write(try EmailMessage(n, renderer: renderer).rendered, n, ext: "eml")
        default:
            try write(try OutboxPayload.json(n, renderer: renderer), n, ext: "json")
        }
    }

    /// Writes `text` as the next outbox file; returns its URL.
    @discardableResult
    func write(_ text: String, _ n: AlertNotification, ext: String) throws -> URL {
        let number = lock.withLock { sequence += 1; return sequence }
        let safe = String(n.receiver.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }.prefix(64))
        let name = NotificationJSON.pad(number, 4) + "-" + safe + "-" + n.integration.kind.name + "." + ext
        do {
            try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
            let url = outbox.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url
        } catch {
            throw NotifyError(message: "cannot write \(name) to \(outbox.path): \(error.localizedDescription)")
        }
    }
}
