import Foundation
import RE2

/// Compiled regular expressions for `match` and `reReplaceAll`, shared across executions (templates
/// use a handful of constant patterns; compiling them once per call would dominate rendering).
final class TemplateRegexCache: @unchecked Sendable {
    static let shared = TemplateRegexCache()
    private static let capacity = 256

    private let lock = NSLock()
    private var compiled: [String: CompiledRegex] = [:]

    /// The unanchored regex for `pattern` (Go's `regexp.Compile` semantics: `.` does not match `\n`).
    func regex(_ pattern: String) throws -> CompiledRegex {
        lock.lock()
        if let hit = compiled[pattern] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let regex = try CompiledRegex(pattern, anchored: false, dotMatchesNewline: false)
        lock.lock()
        if compiled.count >= Self.capacity { compiled.removeAll() }
        compiled[pattern] = regex
        lock.unlock()
        return regex
    }
}
