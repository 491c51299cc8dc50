import Diagnostics
import Foundation

/// "Did you mean" for a file that a config names but that does not exist: the closest file name
/// (by edit distance, ``Suggestion/closest(to:in:)``) among the files in the directory it was looked for in.
///
/// `rule_files: ['alert-rules.yml']` beside `alert_rules.yml` gets
/// `note: did you mean "alert_rules.yml"? (prometheus/alert_rules.yml exists)`.
enum MissingFileSuggestion {
    /// Directories with more entries than this are not scanned.
    static let maxEntries = 2_000

    /// The existing file closest to the missing `path` (the path of that file), if one is close enough.
    static func closestFile(to path: String) -> String? {
        let name = (path as NSString).lastPathComponent
        let directory = (path as NSString).deletingLastPathComponent
        guard !name.isEmpty,
              let entries = try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory),
              entries.count <= maxEntries else { return nil }
        let files = entries.filter { entry in
            guard entry != name, !entry.hasPrefix(".") || name.hasPrefix(".") else { return false }
            var isDirectory: ObjCBool = false
            let full = (directory as NSString).appendingPathComponent(entry)
            return FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        guard let best = Suggestion.closest(to: name, in: files.sorted()) else { return nil }
        return (directory as NSString).appendingPathComponent(best)
    }

    /// A note suggesting `written` with its last path component replaced by the closest existing
    /// file name next to `lookedFor`; `nil` when no file is close.
    static func note(written: String, lookedFor: String) -> Diagnostic.Note? {
        guard let existing = closestFile(to: lookedFor) else { return nil }
        let existingName = (existing as NSString).lastPathComponent
        let prefix = (written as NSString).deletingLastPathComponent
        let suggestion = prefix.isEmpty ? existingName : (prefix as NSString).appendingPathComponent(existingName)
        return Diagnostic.Note("did you mean \"\(suggestion)\"? (\(existing) exists)")
    }
}
