/// Which version of a lab's files `labctl init` writes.
///
/// The templates in `templates/` are the reference solution; a lab's `starter.yaml` lists the
/// patches that turn them into the starter students work from (the graded parts left to do and
/// marked with `TODO(labctl)` in Spanish and English).
public enum LabVariant: String, Sendable, CaseIterable {
    /// What students get: the files with each exercise's parts left to do.
    case starter
    /// The reference solution, for instructors (`labctl init LAB DIR --solution`).
    case solution
}
