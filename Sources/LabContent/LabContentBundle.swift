import Foundation

/// Where the lab content (`labs/` and `templates/` at the repository root) is shipped.
///
/// The `LabContent` target exists only to carry that content: its folder is the package root, its one
/// source is this file and its resources are `.copy("labs")` and `.copy("templates")`, so SwiftPM
/// copies both folders into the resource bundle `labctl_LabContent.resources` (Linux) or
/// `labctl_LabContent.bundle` (macOS) next to the built binaries. The generated `Bundle.module`
/// accessor stops the process when that bundle is missing (a binary copied elsewhere), so nothing here
/// uses it; `ContentLocator` (in LabCatalog) looks for the names below instead.
public enum LabContentBundle {
    /// The names the resource bundle may have inside a build folder, most specific first: the Linux
    /// folder, the macOS bundle's `Contents/Resources`, and the macOS bundle itself.
    public static let bundleNames = ["labctl_LabContent.resources", "labctl_LabContent.bundle/Contents/Resources",
                                     "labctl_LabContent.bundle"]

    /// The repository root this file was compiled from (`Sources/LabContent/LabContentBundle.swift`
    /// → the root): the content for a build used in place, when no bundle is found.
    public static let sourceRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
