import Foundation

/// What was last sent for a group to one integration (Alertmanager's nflog entry).
struct NotificationLogEntry {
    var firing: Set<AlertFingerprint>
    var resolved: Set<AlertFingerprint>
    var timestamp: Date
}

/// Alertmanager's dedup decision (`DedupStage.needsUpdate`).
enum NotificationDedup {
    /// Whether to notify, given the last entry and the current firing/resolved sets.
    ///
    /// Alertmanager compares the wall-clock time of the last entry with `now - repeat_interval`
    /// strictly; with a simulated clock both are exact, so a resend is due once `repeat_interval`
    /// has fully elapsed (`>=`), which is what a real Alertmanager does in practice because the
    /// entry is written a little after the flush that sent it.
    static func needsUpdate(_ entry: NotificationLogEntry?, firing: Set<AlertFingerprint>,
                            resolved: Set<AlertFingerprint>, sendResolved: Bool, repeatInterval: TimeInterval,
                            now: Date) -> Bool {
        guard let entry else { return !firing.isEmpty }
        if !firing.isSubset(of: entry.firing) { return true }
        if firing.isEmpty { return !entry.firing.isEmpty }
        if sendResolved, !resolved.isSubset(of: entry.resolved) { return true }
        return now.timeIntervalSince(entry.timestamp) >= repeatInterval
    }
}
