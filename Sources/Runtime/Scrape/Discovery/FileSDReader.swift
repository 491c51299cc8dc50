import Foundation
import YAML

/// Reads `file_sd_configs` files (JSON or YAML lists of `{targets: [...], labels: {...}}`),
/// remembering each file's modification time so unchanged files are not parsed again.
public final class FileSDReader: @unchecked Sendable {
    /// Largest file read, in bytes.
    public static let maxFileBytes = 8 << 20

    private struct Cached {
        var modified: Date
        var size: Int
        var groups: [TargetGroup]
    }

    private let lock = NSLock()
    private var cache: [String: Cached] = [:]
    /// Errors of the last read, per file.
    public private(set) var errors: [String: String] = [:]

    public init() {}

    /// The groups of every file matching `patterns` (relative ones resolved against `baseDirectory`).
    /// A file that is missing or cannot be parsed contributes nothing (its error is kept in ``errors``;
    /// the previous good content is kept while the file is broken, as Prometheus does).
    public func groups(patterns: [String], baseDirectory: String) -> [TargetGroup] {
        var out: [TargetGroup] = []
        for pattern in patterns {
            for path in Self.expand(pattern, baseDirectory: baseDirectory) {
                out += read(path)
            }
        }
        return out
    }

    static func expand(_ pattern: String, baseDirectory: String) -> [String] {
        let full = pattern.hasPrefix("/") ? pattern : (baseDirectory as NSString).appendingPathComponent(pattern)
        // A literal path names one file only while it exists (as Go's filepath.Glob): a deleted
        // file's targets go away instead of being kept from the cache.
        guard full.contains("*") || full.contains("?") || full.contains("[") else {
            return FileManager.default.fileExists(atPath: full) ? [full] : []
        }
        let dir = (full as NSString).deletingLastPathComponent
        let filePattern = (full as NSString).lastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        return names.sorted().filter { fnmatch(filePattern, $0, 0) == 0 }.map { (dir as NSString).appendingPathComponent($0) }
    }

    private func read(_ path: String) -> [TargetGroup] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let modified = attributes?[.modificationDate] as? Date ?? .distantPast
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        lock.lock()
        let cached = cache[path]
        lock.unlock()
        if let cached, cached.modified == modified, cached.size == size { return cached.groups }
        do {
            let groups = try Self.parse(path: path)
            lock.withLock {
                cache[path] = Cached(modified: modified, size: size, groups: groups)
                errors[path] = nil
            }
            return groups
        } catch {
            lock.withLock { errors[path] = "\(error)" }
            return cached?.groups ?? []
        }
    }

    /// Parses one file_sd file.
    /// - Throws: ``ScrapeConfigError`` for unreadable files, bad syntax or a wrong shape.
    public static func parse(path: String) throws -> [TargetGroup] {
        let lower = path.lowercased()
        let isJSON = lower.hasSuffix(".json")
        guard isJSON || lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") else {
            throw ScrapeConfigError("invalid file extension: \"\(path)\"")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScrapeConfigError("\(path): cannot read file")
        }
        guard data.count <= maxFileBytes else { throw ScrapeConfigError("\(path): file larger than \(maxFileBytes) bytes") }
        let input = YAMLInput(name: path, text: String(decoding: data, as: UTF8.self))
        let root: YAMLNode?
        do {
            if isJSON {
                root = try JSONParser().parse(input)
            } else {
                let parsed = YAMLParser().parseCollectingDiagnostics(input)
                if let first = parsed.diagnostics.first, parsed.hasErrors { throw ScrapeConfigError("\(first)") }
                root = parsed.documents.first?.root
            }
        } catch let error as ScrapeConfigError {
            throw error
        } catch {
            throw ScrapeConfigError("\(path): \(error)")
        }
        guard let root, !root.isNull else { return [] }
        guard let items = root.sequence else { throw ScrapeConfigError("\(root.location): expected a list of target groups") }
        var groups: [TargetGroup] = []
        for item in items {
            guard item.mapping != nil else { throw ScrapeConfigError("\(item.location): expected a target group mapping") }
            var group = TargetGroup(targets: [], source: path)
            if let targets = item["targets"] {
                guard let list = targets.sequence else { throw ScrapeConfigError("\(targets.location): targets must be a list") }
                for t in list {
                    guard let s = t.scalarValue else { throw ScrapeConfigError("\(t.location): target must be a string") }
                    group.targets.append(s)
                }
            }
            if let labels = item["labels"], !labels.isNull {
                guard let pairs = labels.mapping else { throw ScrapeConfigError("\(labels.location): labels must be a mapping") }
                for pair in pairs {
                    guard let k = pair.key.scalarValue, let v = pair.value.scalarValue else {
                        throw ScrapeConfigError("\(pair.key.location): label names and values must be strings")
                    }
                    group.labels[k] = v
                }
            }
            groups.append(group)
        }
        return groups
    }
}

/// A scrape configuration or discovery file that cannot be used.
public struct ScrapeConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
