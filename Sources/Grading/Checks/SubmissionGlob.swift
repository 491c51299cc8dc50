import Foundation

/// `rule_files` patterns (`*` and `?` in the last component) matched inside a submission; a pattern
/// without wildcards matches itself (so a missing file is reported when it is read).
enum SubmissionGlob {
    static func matches(_ pattern: String, in submission: Submission) -> [String] {
        let normalised = pattern.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
        guard normalised.contains("*") || normalised.contains("?") else { return [normalised] }
        let dir = (normalised as NSString).deletingLastPathComponent
        let name = (normalised as NSString).lastPathComponent
        guard let files = try? submission.files(in: dir) else { return [] }
        return files.filter { fnmatch(name, $0, 0) == 0 }.map { dir.isEmpty ? $0 : dir + "/" + $0 }
    }
}
