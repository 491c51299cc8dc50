import Diagnostics
import Foundation

/// The text files of one submission directory, read with limits: hidden and tool folders
/// (`.labctl`, `.git`, `__pycache__`, `node_modules`, virtualenvs) and symbolic links are skipped,
/// binary files (a NUL byte in the first 8 KiB) are skipped, and so are files over the size cap.
public struct SubmissionFiles: Sendable {
    /// Per-file, per-submission and count limits.
    public struct Limits: Sendable {
        public var maxFileBytes: Int
        public var maxTotalBytes: Int
        public var maxFiles: Int
        public var maxDepth: Int

        public init(maxFileBytes: Int = 1 << 20, maxTotalBytes: Int = 32 << 20, maxFiles: Int = 2_000, maxDepth: Int = 16) {
            self.maxFileBytes = maxFileBytes
            self.maxTotalBytes = maxTotalBytes
            self.maxFiles = maxFiles
            self.maxDepth = maxDepth
        }
    }

    /// Relative path (`/`-separated) → text, sorted by path.
    public var files: [(path: String, text: String)]
    /// What was skipped and why (info diagnostics).
    public var skipped: [Diagnostic]

    static let skippedFolders: Set<String> = [".labctl", ".git", "__pycache__", "node_modules", ".venv", "venv",
                                             ".mypy_cache", ".pytest_cache", ".idea", ".vscode"]

    /// Reads the submission in `directory`.
    public static func read(_ directory: String, limits: Limits = Limits()) -> SubmissionFiles {
        var files: [(String, String)] = []
        var skipped: [Diagnostic] = []
        var total = 0
        var stack: [(path: String, depth: Int)] = [("", 0)]
        let manager = FileManager.default
        func location(_ relative: String) -> SourceLocation {
            SourceLocation(file: (directory as NSString).appendingPathComponent(relative), line: 1, column: 1)
        }
        while let (relative, depth) = stack.popLast() {
            let absolute = relative.isEmpty ? directory : (directory as NSString).appendingPathComponent(relative)
            guard let names = try? manager.contentsOfDirectory(atPath: absolute) else { continue }
            for name in names.sorted().reversed() {
                let child = relative.isEmpty ? name : relative + "/" + name
                let path = (directory as NSString).appendingPathComponent(child)
                guard let attributes = try? manager.attributesOfItem(atPath: path),
                      let type = attributes[.type] as? FileAttributeType else { continue }
                if type == .typeDirectory {
                    if skippedFolders.contains(name) { continue }
                    if depth + 1 > limits.maxDepth {
                        skipped.append(Diagnostic(.info, code: "students/skipped",
                                             "folder nested deeper than \(limits.maxDepth) levels not read",
                                             at: location(child)))
                        continue
                    }
                    stack.append((child, depth + 1))
                } else if type == .typeRegular {
                    guard files.count < limits.maxFiles else {
                        skipped.append(Diagnostic(.info, code: "students/skipped",
                                             "more than \(limits.maxFiles) files; the rest is not read",
                                             at: location(child)))
                        return SubmissionFiles(files: files.sorted { $0.0 < $1.0 }, skipped: skipped)
                    }
                    let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                    guard size <= limits.maxFileBytes, total + size <= limits.maxTotalBytes else {
                        skipped.append(Diagnostic(.info, code: "students/skipped",
                                             "file of \(size) bytes not read (limit \(limits.maxFileBytes) per file, \(limits.maxTotalBytes) per submission)",
                                             at: location(child)))
                        continue
                    }
                    guard let data = manager.contents(atPath: path) else { continue }
                    if data.prefix(8_192).contains(0) { continue }
                    total += data.count
                    files.append((child, String(decoding: data, as: UTF8.self)))
                }
            }
        }
        return SubmissionFiles(files: files.sorted { $0.0 < $1.0 }, skipped: skipped)
    }

    /// The text of `path`, if read.
    public func text(_ path: String) -> String? { files.first { $0.path == path }?.text }
}
