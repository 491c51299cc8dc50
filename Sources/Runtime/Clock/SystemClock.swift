import Foundation

/// The wall clock.
public final class SystemClock: LabClock {
    public init() {}

    public var now: Date { Date() }
}
