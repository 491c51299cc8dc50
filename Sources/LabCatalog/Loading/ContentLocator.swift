import Foundation

/// Finds the folder holding the lab content (`labs/` and `templates/`).
///
/// The content lives in `Sources/LabCatalog/Resources/` and is copied by SwiftPM as the resource
/// bundle `labctl_LabCatalog.resources` (Linux) or `labctl_LabCatalog.bundle` (macOS) next to the
/// built binaries. The generated `Bundle.module` accessor stops the process when the bundle is
/// missing (a binary copied elsewhere), so the bundle is looked up here by hand, in this order:
///
/// 1. `$LABCTL_CONTENT` — a folder with `labs/` and `templates/` (development, custom courses);
/// 2. the resource bundle next to the running executable, or up to three folders above it
///    (test bundles on macOS live below the build folder);
/// 3. the source folder this file was compiled from (a build used in place).
public enum ContentLocator {
    /// The environment variable that overrides the content folder.
    public static let environmentVariable = "LABCTL_CONTENT"
    static let bundleNames = ["labctl_LabCatalog.resources", "labctl_LabCatalog.bundle/Contents/Resources",
                              "labctl_LabCatalog.bundle"]

    /// Why no content folder was found.
    public struct NotFound: Error, CustomStringConvertible {
        public let searched: [String]
        public var description: String {
            "lab content not found; set \(ContentLocator.environmentVariable) to a folder with labs/ and templates/ (searched: \(searched.joined(separator: ", ")))"
        }
    }

    /// The content folder.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        var searched: [String] = []
        if let override = environment[environmentVariable], !override.isEmpty {
            let url = URL(fileURLWithPath: override)
            guard isContent(url) else {
                throw NotFound(searched: ["\(environmentVariable)=\(override) (no labs/ and templates/ there)"])
            }
            return url
        }
        for candidate in candidates() {
            searched.append(candidate.path)
            if isContent(candidate) { return candidate }
        }
        throw NotFound(searched: searched)
    }

    /// Whether `url` holds `labs/` and `templates/`.
    public static func isContent(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        for name in ["labs", "templates"] {
            let path = url.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return false
            }
        }
        return true
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
            for name in bundleNames { out.append(directory.appendingPathComponent(name)) }
        }
        // Sources/LabCatalog/Loading/ContentLocator.swift → Sources/LabCatalog/Resources
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        out.append(sources.appendingPathComponent("Resources"))
        return out
    }
}
