import Diagnostics
import Foundation

/// A symbolic link inside the lab that points outside it (`grafana/dashboards/root -> /`,
/// `shared -> ../..`), or that cannot be resolved (a loop, a dangling link). `check lab` does not follow
/// it — nothing outside the lab directory is read — and containers mounting the folder would see the
/// host's files (or nothing) there.
///
/// Triggers: `ln -s / grafana/dashboards/root`. Does not trigger: `ln -s ../dashboards grafana/current`
/// inside the lab.
public struct LinkOutsideLabCheck: LabWiringCheck {
    public static let code = "lab/link-outside-lab"
    public static let summary = "a symbolic link in the lab points outside it (not followed) or cannot be resolved"
    public static let isLint = false

    static let maxEntries = 20_000
    static let maxDepth = 8
    static let maxFindings = 50

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        guard let root = LabPath.realPath(lab.directory) else { return [] }
        var out: [Diagnostic] = []
        var queue: [(String, Int)] = [(lab.directory, 0)]
        var next = 0, seen = 0
        let skipped: Set<String> = [".git", "node_modules", ".venv", "venv", "__pycache__"]
        walk: while next < queue.count, out.count < Self.maxFindings {
            let (dir, level) = queue[next]
            next += 1
            for name in LabPath.contents(of: dir) where !skipped.contains(name) {
                seen += 1
                if seen > Self.maxEntries { break walk }
                let path = LabPath.join(dir, name)
                if LabPath.isSymbolicLink(path) {
                    let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                    guard let real = LabPath.realPath(path) else {
                        out.append(.error(Self.code, "\(path) is a symbolic link to \(destination) that cannot be resolved "
                                          + "(dangling or a loop); remove it or point it at a file of the lab",
                                          at: SourceLocation(file: path, line: 1, column: 1)))
                        continue
                    }
                    if real != root && !real.hasPrefix(root == "/" ? "/" : root + "/") {
                        out.append(.error(Self.code, "\(path) is a symbolic link to \(destination), outside the lab "
                                          + "(\(real)); labctl does not follow it and a container mounting it sees the "
                                          + "host's files: copy what you need into the lab instead",
                                          at: SourceLocation(file: path, line: 1, column: 1)))
                    }
                    continue
                }
                if LabPath.isDirectory(path), level < Self.maxDepth { queue.append((path, level + 1)) }
            }
        }
        return out
    }
}
