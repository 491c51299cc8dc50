import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Shell-style file name matching (`rules/*.yml`), as Go's `filepath.Glob` does for `rule_files`.
public enum FileGlob {
    /// The paths matching `pattern`, sorted; an empty list when nothing matches or the pattern is malformed.
    public static func match(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        var paths: [String] = []
        let count = Int(result.gl_pathc)
        for i in 0..<count {
            if let p = result.gl_pathv[i] { paths.append(String(cString: p)) }
        }
        return paths.sorted()
    }

    /// `path` joined to `directory` unless absolute.
    public static func resolve(_ path: String, relativeTo directory: String) -> String {
        if path.hasPrefix("/") || directory.isEmpty { return path }
        return (directory as NSString).appendingPathComponent(path)
    }

    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }
}
