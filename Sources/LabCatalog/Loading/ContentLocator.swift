import Foundation
import LabContent

/// Finds the folder holding the lab content (`labs/` and `templates/`).
///
/// The content lives in `labs/` and `templates/` at the repository root and is copied by SwiftPM as
/// the resources of the `LabContent` target, the bundle `labctl_LabContent.resources` (Linux) or
/// `labctl_LabContent.bundle` (macOS) next to the built binaries (see ``LabContentBundle``). The
/// generated `Bundle.module` accessor stops the process when the bundle is missing (a binary copied
/// elsewhere), so the bundle is looked up here by hand, in this order:
///
/// 1. `$LABCTL_CONTENT` — a folder with `labs/` and `templates/` (development, custom courses); an
///    override that does not hold at least one `labs/<lab>/lab.yaml` is an error, never an empty catalogue;
/// 2. the resource bundle next to the running executable, or up to three folders above it
///    (test bundles on macOS live below the build folder);
/// 3. the repository root the binary was compiled from (a build used in place).
public enum ContentLocator {
    /// The environment variable that overrides the content folder.
    public static let environmentVariable = "LABCTL_CONTENT"

    /// Why no content folder was found.
    public struct NotFound: Error, CustomStringConvertible {
        /// The folders looked at (empty when `$LABCTL_CONTENT` was set).
        public let searched: [String]
        /// `$LABCTL_CONTENT` and why it is not a content folder, when it was set.
        public let override: (value: String, problem: String)?

        public init(searched: [String], override: (value: String, problem: String)? = nil) {
            self.searched = searched
            self.override = override
        }

        public var description: String {
            let expected = "a folder with labs/<lab>/lab.yaml and templates/"
            if let override {
                return "lab content not found: \(ContentLocator.environmentVariable)=\(override.value): \(override.problem) (expected \(expected))"
            }
            return "lab content not found; set \(ContentLocator.environmentVariable) to \(expected) (searched: \(searched.joined(separator: ", ")))"
        }
    }

    /// The content folder.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        if let value = environment[environmentVariable], !value.isEmpty {
            let url = URL(fileURLWithPath: value)
            if let problem = problem(at: url) { throw NotFound(searched: [], override: (value, problem)) }
            return url
        }
        var searched: [String] = []
        for candidate in candidates() {
            searched.append(candidate.path)
            if problem(at: candidate) == nil { return candidate }
        }
        throw NotFound(searched: searched)
    }

    /// Whether `url` holds `labs/` and `templates/`.
    public static func isContent(_ url: URL) -> Bool {
        isDirectory(url.appendingPathComponent("labs")) && isDirectory(url.appendingPathComponent("templates"))
    }

    /// Why `url` is not a content folder, or nil when it is one: it must hold `templates/` and a
    /// `labs/` with at least one `<lab>/lab.yaml`.
    public static func problem(at url: URL) -> String? {
        guard isDirectory(url) else { return "no such folder" }
        let labs = url.appendingPathComponent("labs")
        guard isDirectory(labs) else { return "no labs/ folder" }
        guard isDirectory(url.appendingPathComponent("templates")) else { return "no templates/ folder" }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: labs.path)) ?? []
        let hasLab = names.contains { name in
            !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: labs.appendingPathComponent(name).appendingPathComponent("lab.yaml").path)
        }
        return hasLab ? nil : "labs/ holds no lab"
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func candidates() -> [URL] {
        var directories: [URL] = []
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            var directory = executable.deletingLastPathComponent()
            for _ in 0..<4 {
                directories.append(directory)
                directory = directory.deletingLastPathComponent()
            }
        }
        directories.append(Bundle.main.bundleURL)
        var out: [URL] = []
        for directory in directories {
            for name in LabContentBundle.bundleNames { out.append(directory.appendingPathComponent(name)) }
        }
        out.append(LabContentBundle.sourceRoot)
        return out
    }
}
