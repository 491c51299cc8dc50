import Foundation
import PromModel

/// Regex label matchers already compiled, shared by every parse in the process.
///
/// Rule files repeat the same few matchers (`status=~"5.."`) thousands of times, and compiling an RE2
/// pattern (parse, program, DFA) costs far more than parsing the rest of the query. Only matchers that
/// compiled are kept; an invalid pattern is compiled (and reported) again each time. The cache is
/// bounded: it is emptied when it reaches ``capacity`` entries.
final class RegexMatcherCache: @unchecked Sendable {
    static let shared = RegexMatcherCache()
    static let capacity = 4096

    private struct Key: Hashable {
        let type: LabelMatcher.MatchType
        let name: String
        let value: String
    }

    private let lock = NSLock()
    private var matchers: [Key: LabelMatcher] = [:]

    /// The matcher `name op value`; regex matchers come from the cache when compiled before.
    /// - Throws: what ``LabelMatcher/init(_:_:_:)`` throws for an invalid pattern.
    func matcher(_ type: LabelMatcher.MatchType, _ name: String, _ value: String) throws -> LabelMatcher {
        guard type == .regexMatch || type == .regexNoMatch else { return try LabelMatcher(type, name, value) }
        let key = Key(type: type, name: name, value: value)
        lock.lock()
        let hit = matchers[key]
        lock.unlock()
        if let hit { return hit }
        let matcher = try LabelMatcher(type, name, value)
        lock.lock()
        if matchers.count >= Self.capacity { matchers.removeAll(keepingCapacity: true) }
        matchers[key] = matcher
        lock.unlock()
        return matcher
    }
}
