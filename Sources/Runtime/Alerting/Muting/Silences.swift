import Foundation
import PromModel

/// The silences of an in-process Alertmanager: created, expired and queried by API or CLI calls.
///
/// Validation follows Alertmanager: at least one matcher, not every matcher may match the empty
/// string, `endsAt` after `startsAt`, and a new silence may not end in the past.
public final class Silences: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Silence] = []
    private var counter = 0
    private let clock: any LabClock

    /// At most this many silences are kept (expired ones are dropped first).
    public static let maxSilences = 10_000

    public init(clock: any LabClock) {
        self.clock = clock
    }

    /// Adds a silence and returns its id (`silence-1`, `silence-2`, … unless one is given).
    @discardableResult
    public func add(_ silence: Silence) throws(SilenceError) -> String {
        let now = clock.now
        if silence.matchers.isEmpty { throw SilenceError(message: "silence must have at least one matcher") }
        if silence.matchers.allSatisfy(\.matchesEmpty) {
            throw SilenceError(message: "at least one matcher must not match the empty string")
        }
        if silence.endsAt <= silence.startsAt { throw SilenceError(message: "end time must not be before start time") }
        if silence.endsAt < now { throw SilenceError(message: "end time can't be in the past") }
        return lock.withLock {
            var s = silence
            if s.id.isEmpty {
                counter += 1
                s.id = "silence-\(counter)"
            }
            if let i = items.firstIndex(where: { $0.id == s.id }) {
                items[i] = s
            } else {
                if items.count >= Self.maxSilences {
                    items.removeAll { $0.state(at: now) == .expired }
                }
                if items.count >= Self.maxSilences { items.removeFirst() }
                items.append(s)
            }
            return s.id
        }
    }

    /// Ends the silence `id` now. Returns false when no such silence is active or pending.
    @discardableResult
    public func expire(_ id: String) -> Bool {
        let now = clock.now
        return lock.withLock {
            guard let i = items.firstIndex(where: { $0.id == id }), items[i].state(at: now) != .expired else {
                return false
            }
            if items[i].startsAt > now { items[i].startsAt = now }
            items[i].endsAt = now
            return true
        }
    }

    /// Every silence, in creation order.
    public var all: [Silence] { lock.withLock { items } }

    /// The active silences that match `labels` at `date`.
    public func silencing(_ labels: Labels, at date: Date) -> [Silence] {
        lock.withLock { items.filter { $0.state(at: date) == .active && $0.matches(labels) } }
    }

    /// Whether an active silence mutes `labels` at `date`.
    public func mutes(_ labels: Labels, at date: Date) -> Bool { !silencing(labels, at: date).isEmpty }
}
