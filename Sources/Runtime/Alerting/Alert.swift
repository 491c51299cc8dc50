import Foundation
import PromModel

/// An alert as Alertmanager receives it from Prometheus: labels identify it, annotations describe it.
///
/// `endsAt == nil` means "firing until told otherwise": the dispatcher then gives it
/// `now + resolve_timeout`, as Alertmanager does. An alert is resolved once `endsAt <= now`.
public struct Alert: Hashable, Sendable {
    public var labels: Labels
    public var annotations: Labels
    public var startsAt: Date
    public var endsAt: Date?
    public var generatorURL: String

    public init(labels: Labels, annotations: Labels = .empty, startsAt: Date, endsAt: Date? = nil,
                generatorURL: String = "") {
        self.labels = labels
        self.annotations = annotations
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.generatorURL = generatorURL
    }

    /// The label fingerprint (Prometheus's FNV-1a), Alertmanager's alert identity.
    public var fingerprint: AlertFingerprint { AlertFingerprint(labels) }

    /// Whether the alert is resolved at `date` (`endsAt` set and not after `date`).
    public func isResolved(at date: Date) -> Bool {
        guard let endsAt else { return false }
        return endsAt <= date
    }

    /// `firing` or `resolved` at `date`.
    public func status(at date: Date) -> String { isResolved(at: date) ? "resolved" : "firing" }
}

// MARK: - Ordering

extension Alert {
    /// Alertmanager's notification order: by `job`, then `instance` (alerts with the label first),
    /// then by label set (fewer labels first, then the first differing label in name order).
    public static func notificationOrder(_ a: Alert, _ b: Alert) -> Bool {
        for key in ["job", "instance"] {
            let x = a.labels[key], y = b.labels[key]
            switch (x, y) {
            case (nil, nil): continue
            case (nil, _): return false
            case (_, nil): return true
            case let (x?, y?): if x != y { return x < y }
            }
        }
        return labelSetBefore(a.labels, b.labels)
    }

    /// Prometheus's `LabelSet.Before`: fewer labels first; otherwise over the sorted union of names,
    /// the first name missing from one side puts that side after, else values compare.
    static func labelSetBefore(_ a: Labels, _ b: Labels) -> Bool {
        if a.count != b.count { return a.count < b.count }
        let names = Set(a.map(\.name)).union(b.map(\.name)).sorted()
        for name in names {
            switch (a[name], b[name]) {
            case (nil, _): return false
            case (_, nil): return true
            case let (x?, y?): if x != y { return x < y }
            }
        }
        return false
    }
}
