import Foundation

/// Checks `import` lines against the module graph a manifest declares: a target may import only
/// the package targets it lists in `dependencies` (the compiler lets a module see everything its
/// dependencies see, so an undeclared import of a lower module compiles but hides the real graph,
/// and an import of a module above it would make the graph lie).
enum ImportGraphCheck {
    /// One Swift file of a target.
    struct SourceFile {
        var target: String
        var path: String
        var text: String
    }

    /// A message per import of a package target that `file`'s target does not declare.
    static func violations(_ manifest: PackageManifest, files: [SourceFile]) -> [String] {
        let known = Set(manifest.targets.map(\.name))
        var out: [String] = []
        for file in files {
            let declared = Set(manifest.target(file.target)?.dependencies ?? [])
            for imported in SourceImports(source: file.text).imports where known.contains(imported.module) {
                if imported.module == file.target || !declared.contains(imported.module) {
                    out.append("\(file.path):\(imported.line): \(file.target) imports \(imported.module), "
                               + "which is not among its declared dependencies")
                }
            }
        }
        return out
    }

    /// The names of targets on a dependency cycle (empty when the graph is acyclic).
    static func cycles(_ manifest: PackageManifest) -> [String] {
        manifest.targets.map(\.name).filter { manifest.closure(of: $0).contains($0) }
    }

    /// The Swift files of every target in `manifest`, read below `root`.
    static func sourceFiles(_ manifest: PackageManifest, root: URL) -> [SourceFile] {
        var out: [SourceFile] = []
        let fm = FileManager.default
        for target in manifest.targets where target.kind != "systemLibrary" {
            let excluded = target.excluded.map { root.appendingPathComponent($0).standardizedFileURL.path }
            func isExcluded(_ path: String) -> Bool { excluded.contains { path == $0 || path.hasPrefix($0 + "/") } }
            for relative in target.sourcePaths {
                let base = root.appendingPathComponent(relative)
                var paths: [String] = []
                if base.pathExtension == "swift" {
                    paths = [base.standardizedFileURL.path]
                } else if let walker = fm.enumerator(at: base, includingPropertiesForKeys: nil) {
                    for case let url as URL in walker where url.pathExtension == "swift" {
                        paths.append(url.standardizedFileURL.path)
                    }
                }
                for path in paths.sorted() where !isExcluded(path) {
                    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
                    out.append(SourceFile(target: target.name, path: path, text: text))
                }
            }
        }
        return out
    }
}
