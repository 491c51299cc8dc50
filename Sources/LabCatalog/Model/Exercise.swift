import Diagnostics

/// A graded exercise: what it asks and the checks that award its points.
public struct Exercise: Sendable {
    public var id: String
    public var title: LocalizedText
    /// What the student must do.
    public var task: LocalizedText
    /// The points the checks must add up to.
    public var points: Int
    public var checks: [Check]
    public var location: SourceLocation

    public init(id: String, title: LocalizedText, task: LocalizedText, points: Int, checks: [Check],
                location: SourceLocation) {
        self.id = id
        self.title = title
        self.task = task
        self.points = points
        self.checks = checks
        self.location = location
    }
}
