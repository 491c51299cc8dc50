import ConfigModel
import Foundation
import PromModel

/// One notification for one integration of a receiver: what Alertmanager hands a notifier (its
/// template data, group key and the number of alerts cut by `max_alerts`).
public struct AlertNotification: Sendable {
    /// An alert as notified: status at flush time; `endsAt` is `nil` (Go's zero time) while firing.
    public struct NotifiedAlert: Hashable, Sendable {
        public var status: String
        public var labels: Labels
        public var annotations: Labels
        public var startsAt: Date
        public var endsAt: Date?
        public var generatorURL: String
        public var fingerprint: AlertFingerprint

        public init(_ alert: Alert, at date: Date) {
            let resolved = alert.isResolved(at: date)
            status = resolved ? "resolved" : "firing"
            labels = alert.labels
            annotations = alert.annotations
            startsAt = alert.startsAt
            endsAt = resolved ? alert.endsAt : nil
            generatorURL = alert.generatorURL
            fingerprint = alert.fingerprint
        }
    }

    public var receiver: String
    public var integration: AlertmanagerIntegration
    /// Position of the integration among the receiver's integrations.
    public var integrationIndex: Int
    /// `routeKey:groupLabels`, e.g. `{}/{severity="critical"}:{alertname="Down"}`.
    public var groupKey: String
    public var groupLabels: Labels
    public var alerts: [NotifiedAlert]
    public var externalURL: String
    /// Alerts left out because of `max_alerts`.
    public var truncatedAlerts: Int
    /// When the flush that produced it ran.
    public var time: Date

    public init(receiver: String, integration: AlertmanagerIntegration, integrationIndex: Int, groupKey: String,
                groupLabels: Labels, alerts: [NotifiedAlert], externalURL: String, truncatedAlerts: Int = 0,
                time: Date) {
        self.receiver = receiver
        self.integration = integration
        self.integrationIndex = integrationIndex
        self.groupKey = groupKey
        self.groupLabels = groupLabels
        self.alerts = alerts
        self.externalURL = externalURL
        self.truncatedAlerts = truncatedAlerts
        self.time = time
    }

    /// `firing` when any alert fires, else `resolved`.
    public var status: String { alerts.contains { $0.status == "firing" } ? "firing" : "resolved" }
    /// Labels every alert has with the same value.
    public var commonLabels: Labels { Self.common(alerts.map(\.labels)) }
    /// Annotations every alert has with the same value.
    public var commonAnnotations: Labels { Self.common(alerts.map(\.annotations)) }
    public var firingAlerts: [NotifiedAlert] { alerts.filter { $0.status == "firing" } }
    public var resolvedAlerts: [NotifiedAlert] { alerts.filter { $0.status == "resolved" } }

    static func common(_ sets: [Labels]) -> Labels {
        guard let first = sets.first else { return .empty }
        return Labels(sortedUnique: first.pairs.filter { pair in sets.dropFirst().allSatisfy { $0[pair.name] == pair.value } })
    }
}

/// Delivers notifications. The dispatcher calls it synchronously during a flush; a thrown error
/// marks the notification failed (it is retried at the next flush, as Alertmanager retries).
public protocol Notifier: AnyObject, Sendable {
    func notify(_ notification: AlertNotification) throws
}

/// Keeps notifications in memory, for tests and for `labctl` simulations.
public final class MemoryNotifier: Notifier, @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [AlertNotification] = []
    private var failing: Set<String> = []

    public init() {}

    /// Every notification received, in order.
    public var notifications: [AlertNotification] { lock.withLock { sent } }

    /// Makes notifications to `receiver` fail (or succeed again) from now on.
    public func setFailing(_ receiver: String, _ fail: Bool = true) {
        lock.withLock { if fail { failing.insert(receiver) } else { failing.remove(receiver) } }
    }

    public func notify(_ notification: AlertNotification) throws {
        try lock.withLock {
            if failing.contains(notification.receiver) {
                throw NotifyError(message: "receiver \(notification.receiver) is set to fail")
            }
            sent.append(notification)
        }
    }

    /// Forgets what was received.
    public func reset() { lock.withLock { sent.removeAll() } }
}

/// Why a notification could not be delivered.
public struct NotifyError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
