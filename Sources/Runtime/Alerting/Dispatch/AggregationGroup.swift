import Foundation
import PromModel

/// The alerts of one route that share the values of the route's `group_by` labels, notified
/// together: first after `group_wait`, then every `group_interval` while it holds alerts.
final class AggregationGroup {
    let route: AlertRoute
    let labels: Labels
    /// Alertmanager's group key: `routeKey:labels`.
    let key: String
    /// The dispatcher's dictionary key: route id and group-label fingerprint.
    let id: String
    /// Creation order, to break ties between flushes due at the same instant.
    let sequence: Int
    /// Members, by fingerprint (the alerts themselves live in the dispatcher's store).
    var members: Set<AlertFingerprint> = []
    var nextFlush: Date
    var hasFlushed = false

    init(route: AlertRoute, labels: Labels, sequence: Int, now: Date) {
        id = route.id + "\u{0}" + AlertFingerprint(labels).description
        self.route = route
        self.labels = labels
        self.sequence = sequence
        key = route.key + ":" + labels.groupKeyDescription
        nextFlush = now.addingTimeInterval(route.groupWait)
    }

    /// Flush order: earlier first, then older groups first.
    static func before(_ a: AggregationGroup, _ b: AggregationGroup) -> Bool {
        a.nextFlush != b.nextFlush ? a.nextFlush < b.nextFlush : a.sequence < b.sequence
    }
}

/// What the dispatcher exposes about a group.
public struct AlertGroupSnapshot: Sendable {
    public var groupKey: String
    public var receiver: String
    public var routeID: String
    public var labels: Labels
    public var alerts: [Alert]
    public var nextFlush: Date
}

/// A notification that failed (it is retried at the group's next flush).
public struct NotificationFailure: Sendable {
    public var receiver: String
    public var integration: String
    public var groupKey: String
    public var time: Date
    public var message: String
}

/// An alert the dispatcher refused, with Alertmanager's reason.
public struct AlertRejection: Error, Sendable, CustomStringConvertible {
    /// Position in the batch given to ``Dispatcher/receive(_:)``.
    public var index: Int
    public var message: String
    public var description: String { "alert \(index): \(message)" }
}

/// Bounds on what one dispatcher holds, so hostile input cannot exhaust memory.
public struct DispatcherLimits: Sendable {
    public var maxAlerts = 100_000
    public var maxGroups = 10_000
    public var maxLabelsPerAlert = 128
    /// Bytes of all label names and values of one alert.
    public var maxLabelBytes = 64 * 1024
    /// Flushes one ``Dispatcher/advance(to:)`` may run before it stops.
    public var maxFlushesPerAdvance = 1_000_000
    public init() {}
}
