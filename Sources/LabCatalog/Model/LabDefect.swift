import Diagnostics

/// A seeded defect of a lab's reference solution (`labs/<lab>/defects.yaml`): a small patch, the
/// points grading the patched solution must lose, and a word its feedback must contain.
///
/// ```yaml
/// - id: error_threshold_too_high
///   description: {es: "Umbral del 50% en HighErrorRate", en: "HighErrorRate threshold at 50%"}
///   loses: 10
///   feedback: HighErrorRate
///   patch:
///     - file: prometheus/alert_rules.yml
///       replace: ") > 0.05"
///       with: ") > 0.5"
/// ```
public struct LabDefect: Sendable, Hashable {
    /// Unique within the lab (`[a-z][a-z0-9_]*`).
    public var id: String
    public var description: LocalizedText
    /// Exactly the points grading loses (partial credit included: 3.33 of a 10-point check with
    /// three parts, one of them broken), to 0.01.
    public var loses: Double
    /// A word the grader's feedback on the failing checks must contain.
    public var feedback: String
    /// Applied in order to the rendered reference solution.
    public var patch: [LabPatch]
    public var location: SourceLocation?

    public init(id: String, description: LocalizedText, loses: Double, feedback: String, patch: [LabPatch],
                location: SourceLocation? = nil) {
        self.id = id
        self.description = description
        self.loses = loses
        self.feedback = feedback
        self.patch = patch
        self.location = location
    }

    /// The rendered solution `files` with this defect's patch applied; throws when a replaced text
    /// does not occur exactly once or a patch names a file that is not there.
    public func apply(to files: [(path: String, content: String)]) throws -> [(path: String, content: String)] {
        do {
            return try LabPatch.apply(patch, to: files)
        } catch let error as CatalogError {
            throw CatalogError("defect \(id): \(error.message)")
        }
    }
}
