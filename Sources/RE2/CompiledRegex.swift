import Foundation

/// TEMPORARY: backed by NSRegularExpression until the RE2 engine lands (the RE2 helper replaces this file).
public final class CompiledRegex: @unchecked Sendable {
    public let pattern: String
    public let isAnchored: Bool
    private let regex: NSRegularExpression

    public init(_ pattern: String, anchored: Bool = true) throws {
        self.pattern = pattern
        self.isAnchored = anchored
        let wrapped = anchored ? "^(?s:\(pattern))$" : "(?s:\(pattern))"
        do {
            regex = try NSRegularExpression(pattern: wrapped)
        } catch {
            throw RegexSyntaxError(message: "invalid regular expression", offset: 0)
        }
    }

    public func matches(_ s: String) -> Bool {
        regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }
}

public struct RegexSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var offset: Int
    public init(message: String, offset: Int) { self.message = message; self.offset = offset }
    public var description: String { "error parsing regexp: \(message)" }
}
