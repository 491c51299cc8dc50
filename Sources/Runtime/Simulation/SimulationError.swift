/// Why a simulation cannot run: its settings would overflow time or ask for an unbounded amount of work.
public struct SimulationError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    /// Most scrapes (rounds × targets) one run may perform.
    public static let maxScrapes: Int64 = 50_000_000
}
