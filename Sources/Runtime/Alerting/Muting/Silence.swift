import Foundation
import PromModel

/// A silence: alerts whose labels satisfy every matcher are muted between `startsAt` and `endsAt`.
public struct Silence: Hashable, Sendable {
    /// The state of a silence at some instant.
    public enum State: String, Sendable {
        case pending, active, expired
    }

    public var id: String
    public var matchers: [LabelMatcher]
    public var startsAt: Date
    public var endsAt: Date
    public var createdBy: String
    public var comment: String

    public init(id: String = "", matchers: [LabelMatcher], startsAt: Date, endsAt: Date, createdBy: String = "labctl",
                comment: String = "") {
        self.id = id
        self.matchers = matchers
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.createdBy = createdBy
        self.comment = comment
    }

    /// Pending before `startsAt`, active in `[startsAt, endsAt)`, expired from `endsAt` on.
    public func state(at date: Date) -> State {
        if date < startsAt { return .pending }
        return date < endsAt ? .active : .expired
    }

    /// Whether every matcher accepts `labels` (absent labels are empty).
    public func matches(_ labels: Labels) -> Bool {
        matchers.allSatisfy { $0.matches(labels[$0.name] ?? "") }
    }
}

/// Why a silence was refused.
public struct SilenceError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
