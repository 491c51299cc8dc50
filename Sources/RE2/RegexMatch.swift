/// A successful match with its capture groups.
///
/// Group 0 is the whole match; groups that did not participate are nil.
public struct RegexMatch: Sendable {
    /// The searched string.
    public let input: String
    /// For each group, its UTF-8 byte offsets in `input`, or nil when it did not participate.
    public let utf8Offsets: [Range<Int>?]
    /// Group names by index (nil for unnamed groups and for group 0).
    public let names: [String?]

    init(input: String, slots: [Int], names: [String?]) {
        self.input = input
        var offsets: [Range<Int>?] = []
        var i = 0
        while i + 1 < slots.count {
            let lo = slots[i]
            let hi = slots[i + 1]
            offsets.append(lo >= 0 && hi >= lo ? lo..<hi : nil)
            i += 2
        }
        utf8Offsets = offsets
        self.names = names
    }

    // MARK: - Access

    /// Number of groups, group 0 included.
    public var count: Int { utf8Offsets.count }

    /// The range of group `index` in `input`, or nil.
    public func range(at index: Int) -> Range<String.Index>? {
        guard index >= 0, index < utf8Offsets.count, let r = utf8Offsets[index] else { return nil }
        let utf8 = input.utf8
        let lo = utf8.index(utf8.startIndex, offsetBy: r.lowerBound)
        let hi = utf8.index(lo, offsetBy: r.count)
        return lo..<hi
    }

    /// The range of the whole match.
    public var range: Range<String.Index> { range(at: 0) ?? input.startIndex..<input.startIndex }

    /// The text of group `index`, or nil when it did not participate or does not exist.
    public subscript(index: Int) -> Substring? {
        range(at: index).map { input[$0] }
    }

    /// The text of the first participating group called `name`, or nil.
    public subscript(name: String) -> Substring? {
        for (i, n) in names.enumerated() where n == name {
            if let s = self[i] { return s }
        }
        return nil
    }

    /// The text of the whole match.
    public var text: Substring { self[0] ?? input[input.startIndex..<input.startIndex] }
}
