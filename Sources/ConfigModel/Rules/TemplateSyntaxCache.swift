import Foundation

/// Alert templates already found well formed, shared by every rule check in the process.
///
/// Rule files repeat the same annotations (`summary: "High error rate on {{ $labels.job }}"`) for
/// hundreds of alerts; whether one parses depends only on its text (the functions and predeclared
/// variables are fixed), so each distinct text is parsed once. Only valid texts are kept — a broken
/// template is parsed again to report its problem at each place. Emptied at ``capacity`` entries.
final class TemplateSyntaxCache: @unchecked Sendable {
    static let shared = TemplateSyntaxCache()
    static let capacity = 4096

    private let lock = NSLock()
    private var valid: Set<String> = []

    /// Whether `text` was recorded as well formed.
    func isKnownValid(_ text: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return valid.contains(text)
    }

    /// Records that `text` is well formed.
    func insert(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        if valid.count >= Self.capacity { valid.removeAll(keepingCapacity: true) }
        valid.insert(text)
    }
}
