/// Finds the students' prefixes in file contents, in every form lab files write them:
/// `ana_shop` (metric names), `ana-shop` (job and service names), `ANA_SHOP` (titles) and
/// `AnaShop` (alert names), in one pass over the text.
///
/// A form matches where it starts a word or follows `-` (so `ana_shop_requests_total` and
/// `fastapi-ana-shop` match, `prometheus_ana_shop` and `banana_shop` do not) and ends before `_`,
/// `-` or the end of the word (`AnaShop` must be followed by an upper-case letter, as in
/// `AnaShopHighCPU`). Words are runs of letters, digits, `_` and `-`. With the roster rules of
/// ``PrefixRules`` no student's form can match inside another student's.
public struct PrefixIndex: Sendable {
    /// How a form is written.
    public enum Form: String, Sendable, Hashable {
        case snake, kebab, upper, pascal, entity
    }

    /// One found form.
    public struct Occurrence: Sendable, Hashable {
        /// Index of the owner in the `owners` given to ``init(owners:)``.
        public var owner: Int
        public var text: String
        public var form: Form
        public var line: Int
        public var column: Int
        /// UTF-8 offset and length of the match in the text.
        public var offset: Int
        public var length: Int
    }

    /// An owner: a prefix and, optionally, an entity word that only this owner uses.
    public struct Owner: Sendable, Hashable {
        public var prefix: String
        public var entity: String?

        public init(prefix: String, entity: String? = nil) {
            self.prefix = prefix
            self.entity = entity
        }
    }

    private var forms: [String: (owner: Int, form: Form)] = [:]
    private var longest = 0

    public init(owners: [Owner]) {
        for (index, owner) in owners.enumerated() {
            let prefix = owner.prefix
            let pascal = PlaceholderFilter.pascal.apply(prefix)
            for (text, form) in [(prefix, Form.snake), (PlaceholderFilter.kebab.apply(prefix), .kebab),
                                 (prefix.uppercased(), .upper), (pascal, .pascal)] where !text.isEmpty {
                if forms[text] == nil { forms[text] = (index, form) }
            }
            if let entity = owner.entity, !entity.isEmpty, forms[entity] == nil { forms[entity] = (index, .entity) }
        }
        longest = forms.keys.map(\.utf8.count).max() ?? 0
    }

    // MARK: - Scanning

    /// `text` with every occurrence replaced by `replacement(occurrence)`.
    public func replacing(in text: String, limit: Int = 100_000, _ replacement: (Occurrence) -> String) -> String {
        let found = occurrences(in: text, limit: limit)
        guard !found.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var position = 0
        for occurrence in found where occurrence.offset >= position {
            out += bytes[position..<occurrence.offset]
            out += Array(replacement(occurrence).utf8)
            position = occurrence.offset + occurrence.length
        }
        out += bytes[min(position, bytes.count)...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Every occurrence in `text`, in order, at most `limit`.
    public func occurrences(in text: String, limit: Int = 1_000) -> [Occurrence] {
        guard !forms.isEmpty else { return [] }
        let bytes = Array(text.utf8)
        var out: [Occurrence] = []
        var cursor = LineCursor(bytes)
        var index = 0
        while index < bytes.count, out.count < limit {
            guard Self.isWordByte(bytes[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, Self.isWordByte(bytes[end]) { end += 1 }
            scanWord(bytes, from: index, to: end, cursor: &cursor, into: &out, limit: limit)
            index = end
        }
        return out
    }

    private func scanWord(_ bytes: [UInt8], from start: Int, to end: Int, cursor: inout LineCursor,
                          into out: inout [Occurrence], limit: Int) {
        var position = start
        while position < end, out.count < limit {
            let previous: UInt8? = position > start ? bytes[position - 1] : nil
            let startsWord = previous == nil || previous == UInt8(ascii: "-")
            let startsPascal = startsWord || previous == UInt8(ascii: "_")
            if startsPascal {
                var stop = position + 1
                let maxStop = min(end, position + longest)
                while stop <= maxStop, out.count < limit {
                    let next: UInt8? = stop < end ? bytes[stop] : nil
                    let snakeEnd = next == nil || next == UInt8(ascii: "_") || next == UInt8(ascii: "-")
                    let pascalEnd = next.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") } ?? false
                    if snakeEnd || pascalEnd, let text = String(bytes: bytes[position..<stop], encoding: .utf8),
                       let found = forms[text] {
                        let fits = found.form == .pascal ? (pascalEnd && startsPascal) : (snakeEnd && startsWord)
                        if fits {
                            let (line, column) = cursor.position(of: position)
                            out.append(Occurrence(owner: found.owner, text: text, form: found.form, line: line,
                                                  column: column, offset: position, length: stop - position))
                        }
                    }
                    stop += 1
                }
            }
            position += 1
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
}
