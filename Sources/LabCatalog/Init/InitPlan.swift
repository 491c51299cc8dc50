import Foundation

/// What `labctl init` will do (or did) to each file of a lab directory.
public struct InitPlan: Sendable {
    /// What happens to one file.
    public enum Action: String, Sendable {
        /// The file does not exist yet and is written.
        case create
        /// The file already has exactly this content.
        case unchanged
        /// The file differs and is replaced (`--force`).
        case overwrite
        /// The file differs and is left alone (no `--force`; with `--update`, the differences are all the student's edits).
        case keep
        /// `--update`: the student's edits and the template's changes were merged cleanly.
        case merge
        /// `--update`: merged with conflict markers the student must resolve.
        case conflict
    }

    /// One file of the plan.
    public struct Entry: Sendable {
        public var path: String
        public var action: Action
        /// What is on disk now (`nil` when the file does not exist).
        public var current: String?
        /// What the file will contain after the plan is applied (for `keep`, the template render).
        public var proposed: String
        /// The plain template render (stored as the merge base for the next update).
        public var render: String
        /// For a binary file (an image copied verbatim): its bytes; the text fields are empty.
        public var data: Data? = nil

        /// Whether applying the plan writes this file.
        public var writes: Bool { action == .create || action == .overwrite || action == .merge || action == .conflict }
    }

    public var lab: LabSpec
    /// The lab directory.
    public var directory: String
    public var entries: [Entry]
    /// What is recorded in `.labctl/answers.yaml`.
    public var answers: LabAnswers
    /// For `--update`: the version the directory had.
    public var previousVersion: Int?

    /// Entries with `action`.
    public func entries(_ action: Action) -> [Entry] { entries.filter { $0.action == action } }

    /// One line per file (`create  docker-compose.yml`) and a summary.
    public func summary(dryRun: Bool) -> String {
        var out = ""
        for e in entries {
            out += "\(e.action.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(e.path)\n"
        }
        let counts = [InitPlan.Action.create, .overwrite, .merge, .conflict, .unchanged, .keep].compactMap { action -> String? in
            let n = entries(action).count
            return n == 0 ? nil : "\(n) \(action.rawValue)"
        }
        let verb = dryRun ? "would write" : "wrote"
        let written = entries.filter(\.writes).count
        out += "\(lab.id) v\(lab.version) in \(directory): \(verb) \(written) file(s) (\(counts.joined(separator: ", ")))\n"
        return out
    }

    /// Unified diffs of every file that changes (or would with `--force`).
    public func diffs() -> String {
        var out = ""
        for e in entries where e.action != .unchanged {
            if let data = e.data {
                out += "Binary file b/\(e.path) (\(data.count) bytes)\n"
                continue
            }
            let from = e.current ?? ""
            let diff = UnifiedDiff().render(old: from, new: e.proposed,
                                            oldName: e.current == nil ? "/dev/null" : "a/\(e.path)",
                                            newName: "b/\(e.path)")
            out += diff
        }
        return out
    }
}
