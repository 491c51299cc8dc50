import Diagnostics

/// One lab of the catalogue as data (`labs/<lab>/lab.yaml`): texts, the files it produces, the
/// per-student parameters, the scenarios checks run on, and the graded exercises.
public struct LabSpec: Sendable {
    /// `lab0` … `lab8`, `practica26`.
    public var id: String
    /// Position in `labctl labs list`.
    public var order: Int
    /// Template version: raised whenever a template changes, so `init --update` can merge.
    public var version: Int
    public var title: LocalizedText
    public var summary: LocalizedText
    public var objectives: [LocalizedText]
    /// Labs whose stack this lab builds on (their files are included in this lab's file list).
    public var builds: [String]
    /// The per-student values the templates use (`<<labctl:NAME>>`).
    public var parameters: [LabParameter]
    /// Every file `labctl init` writes, with the template it comes from.
    public var files: [LabFile]
    /// Simulated workloads that graded checks evaluate queries and alerts on.
    public var scenarios: [Scenario]
    /// The points the exercises must add up to.
    public var totalPoints: Int
    public var exercises: [Exercise]
    /// Where the seed text was wrong and what the templates do instead.
    public var corrections: [Correction]
    /// Where the spec was read from (for diagnostics).
    public var location: SourceLocation

    public init(id: String, order: Int, version: Int, title: LocalizedText, summary: LocalizedText,
                objectives: [LocalizedText], builds: [String], parameters: [LabParameter], files: [LabFile],
                scenarios: [Scenario], totalPoints: Int, exercises: [Exercise], corrections: [Correction],
                location: SourceLocation) {
        self.id = id
        self.order = order
        self.version = version
        self.title = title
        self.summary = summary
        self.objectives = objectives
        self.builds = builds
        self.parameters = parameters
        self.files = files
        self.scenarios = scenarios
        self.totalPoints = totalPoints
        self.exercises = exercises
        self.corrections = corrections
        self.location = location
    }

    /// The file entry for `path`, if the lab produces it.
    public func file(_ path: String) -> LabFile? { files.first { $0.path == path } }

    /// The scenario called `name`.
    public func scenario(_ name: String) -> Scenario? { scenarios.first { $0.name == name } }

    /// The parameter called `name`.
    public func parameter(_ name: String) -> LabParameter? { parameters.first { $0.name == name } }
}
