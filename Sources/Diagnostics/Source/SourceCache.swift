import Foundation

/// Looks up the text of input files by name, so renderers can quote the offending line.
///
/// Texts registered with ``register(_:)`` (for example standard input, read once by the CLI)
/// take precedence; other names are read from disk on first use, at most ``maxFileSize`` bytes,
/// and remembered. A file that cannot be read yields `nil`, never an error: quoting is best effort.
public final class SourceCache: @unchecked Sendable {
    /// Files larger than this are not read for quoting.
    public let maxFileSize: Int
    private let readsFromDisk: Bool
    private let lock = NSLock()
    private var texts: [String: SourceText] = [:]
    private var unreadable: Set<String> = []

    /// - Parameters:
    ///   - readsFromDisk: when `false`, only registered texts are known (useful in tests).
    ///   - maxFileSize: the largest file read from disk, in bytes.
    public init(readsFromDisk: Bool = true, maxFileSize: Int = 16 << 20) {
        self.readsFromDisk = readsFromDisk
        self.maxFileSize = maxFileSize
    }

    /// A cache that knows exactly the given texts.
    public convenience init(_ sources: [SourceText]) {
        self.init(readsFromDisk: false)
        for source in sources { register(source) }
    }

    /// Makes `source` the text for its file name.
    public func register(_ source: SourceText) {
        lock.lock()
        defer { lock.unlock() }
        texts[source.file] = source
        unreadable.remove(source.file)
    }

    /// The text of `file`, reading it from disk if needed.
    public func source(for file: String) -> SourceText? {
        lock.lock()
        defer { lock.unlock() }
        if let known = texts[file] { return known }
        guard readsFromDisk, !unreadable.contains(file), let loaded = load(file) else {
            unreadable.insert(file)
            return nil
        }
        texts[file] = loaded
        return loaded
    }

    // MARK: - Disk

    private func load(_ file: String) -> SourceText? {
        guard file != "-", file != "<stdin>", let handle = FileHandle(forReadingAtPath: file) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: maxFileSize + 1), data.count <= maxFileSize else { return nil }
        return SourceText(file: file, text: String(decoding: data, as: UTF8.self))
    }
}
