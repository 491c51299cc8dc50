/// Every value that personalises the files of a class — each student's prefix (in all its case
/// forms), student id, project, domain, entity and business metric names — and where they occur
/// in a text, in one pass.
///
/// `students verify` uses it twice: to normalise every roster value to a placeholder of its kind
/// before submissions are compared (so a folder copied from another student and "personalised"
/// by replacing the prefix compares as what it is), and to find values of other students
/// (`"domain": "salud"` in a finanzas student's `main.py`).
///
/// A value matches where it is not inside a longer run of letters and digits: `salud` matches in
/// `"salud"`, `api_salud` and `salud-api` but not in `saludable`; a capitalised or Pascal-case form
/// may also be followed by an upper-case letter (`AnaShopHighCPU`). At each position the longest
/// value wins, so `ana_shop_api` (a project) is one occurrence, not a prefix and a word.
public struct RosterVocabulary: Sendable {
    /// What a value is.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `suggested` are the further business metrics a domain suggests (`devoluciones_total`):
        /// normalised like the others but, less distinctive, never evidence on their own.
        case prefix, student, project, business, suggested, domain, entity

        /// The word a value of this kind is normalised to.
        public var placeholder: String { "LABCTL_" + rawValue.uppercased() }
    }

    /// One value (one written form of it) and the students it belongs to.
    public struct Entry: Sendable, Hashable {
        public var text: String
        public var kind: Kind
        /// Indexes of the owners given to ``init(owners:)``, ascending.
        public var owners: [Int]
        /// The form is capitalised, so it may run into an upper-case letter (`AnaShopHighCPU`).
        var capitalised: Bool
    }

    /// One occurrence of an entry.
    public struct Occurrence: Sendable, Hashable {
        /// Index in ``entries``.
        public var entry: Int
        public var line: Int
        public var column: Int
        /// UTF-8 offset and length in the text.
        public var offset: Int
        public var length: Int
    }

    /// Values shorter than this are not matched (too likely to be ordinary text).
    public static let minimumLength = 3

    public private(set) var entries: [Entry] = []
    private var bytes: [[UInt8]] = []
    private var byHash: [UInt64: [Int]] = [:]
    private var longest = 0
    /// Bit `n` is set when some entry is `n` bytes long (`n` < 64), so most ends skip the lookup.
    private var lengths: UInt64 = 0
    private var longLengths = false

    /// `owners[i]` are the values of student `i`, by kind; every case form of each is added
    /// (`ana_shop`, `ana-shop`, `ANA_SHOP`, `AnaShop`; `salud`, `Salud`, `SALUD`).
    public init(owners: [[Kind: [String]]]) {
        var index: [String: Int] = [:]
        for kind in Kind.allCases {
            for (owner, values) in owners.enumerated() {
                for value in values[kind] ?? [] {
                    for form in Self.forms(of: value, kind: kind) where form.utf8.count >= Self.minimumLength {
                        if let existing = index[form] {
                            if entries[existing].owners.last != owner { entries[existing].owners.append(owner) }
                            continue
                        }
                        index[form] = entries.count
                        let first = form.unicodeScalars.first.map { ("A"..."Z").contains($0) } ?? false
                        entries.append(Entry(text: form, kind: kind, owners: [owner],
                                             capitalised: first && form.unicodeScalars.contains { ("a"..."z").contains($0) }))
                        let utf8 = Array(form.utf8)
                        bytes.append(utf8)
                        byHash[Self.hash(utf8[...]), default: []].append(entries.count - 1)
                        longest = max(longest, utf8.count)
                        if utf8.count < 64 { lengths |= 1 << UInt64(utf8.count) } else { longLengths = true }
                    }
                }
            }
        }
        for i in entries.indices { entries[i].owners = Array(Set(entries[i].owners)).sorted() }
    }

    /// The values of one student: `values` are the student's resolved lab parameters (for the
    /// project name); the business metrics are those of the student's domain.
    public static func values(of assignment: StudentAssignment, values: [String: String]) -> [Kind: [String]] {
        let domain = assignment.domain
        var out: [Kind: [String]] = [
            .prefix: [assignment.student.prefix],
            .student: [assignment.student.id],
            .business: [domain.counter, domain.gauge],
            .suggested: domain.suggested,
            .domain: [domain.id],
            .entity: [assignment.entity],
        ]
        if let project = values["project"] { out[.project] = [project] }
        return out
    }

    /// The case forms of `value` that lab files write.
    static func forms(of value: String, kind: Kind) -> [String] {
        guard kind != .student else { return [value] }
        let snake = PlaceholderFilter.snake.apply(value)
        let forms = [value, snake, PlaceholderFilter.kebab.apply(value), value.uppercased(),
                     PlaceholderFilter.pascal.apply(snake), value.prefix(1).uppercased() + value.dropFirst()]
        var seen = Set<String>()
        return forms.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    // MARK: - Scanning

    /// Every occurrence in `text`, in order, at most `limit`.
    public func occurrences(in text: String, limit: Int = 100_000) -> [Occurrence] {
        guard longest > 0 else { return [] }
        let text = Array(text.utf8)
        var out: [Occurrence] = []
        var cursor = LineCursor(text)
        var i = 0
        while i < text.count, out.count < limit {
            guard Self.isAlphanumeric(text[i]), i == 0 || !Self.isAlphanumeric(text[i - 1]),
                  let (entry, length) = longestMatch(text, at: i) else {
                i += 1
                continue
            }
            let (line, column) = cursor.position(of: i)
            out.append(Occurrence(entry: entry, line: line, column: column, offset: i, length: length))
            i += length
        }
        return out
    }

    /// `text` with every value replaced by its kind's placeholder.
    public func normalised(_ text: String) -> String { normalised(text, occurrences: occurrences(in: text)) }

    /// `text` with `found` (its ``occurrences(in:limit:)``) replaced by their kinds' placeholders.
    public func normalised(_ text: String, occurrences found: [Occurrence]) -> String {
        guard !found.isEmpty else { return text }
        let utf8 = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var position = 0
        for occurrence in found {
            out += utf8[position..<occurrence.offset]
            out += Array(entries[occurrence.entry].kind.placeholder.utf8)
            position = occurrence.offset + occurrence.length
        }
        out += utf8[position...]
        return String(decoding: out, as: UTF8.self)
    }

    /// The longest entry starting at `start` whose end is a boundary.
    private func longestMatch(_ text: [UInt8], at start: Int) -> (Int, Int)? {
        var hash: UInt64 = Self.offsetBasis
        var best: (Int, Int)?
        var end = start
        let stop = min(text.count, start + longest)
        while end < stop {
            hash = Self.step(hash, text[end])
            end += 1
            let next: UInt8? = end < text.count ? text[end] : nil
            let boundary = next.map { !Self.isAlphanumeric($0) } ?? true
            let upperNext = next.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") } ?? false
            let length = end - start
            guard boundary || upperNext, length < 64 ? lengths & (1 << UInt64(length)) != 0 : longLengths,
                  let candidates = byHash[hash] else { continue }
            for candidate in candidates where bytes[candidate].count == end - start
                && (boundary || entries[candidate].capitalised) && text[start..<end].elementsEqual(bytes[candidate]) {
                best = (candidate, end - start)
            }
        }
        return best
    }

    // MARK: - Bytes

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    private static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)).multipliedReportingOverflow(by: 0x0000_0100_0000_01B3).partialValue
    }

    private static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(offsetBasis, step)
    }

    /// ASCII letters and digits, and every byte of a non-ASCII character (`é` is a letter).
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte >= 0x80
    }
}
