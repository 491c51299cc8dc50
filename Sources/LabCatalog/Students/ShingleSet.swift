/// A submission's own contribution as a set of hashed token 4-grams, for near-duplicate
/// detection: ``jaccard(_:)`` of two sets is |A ∩ B| / |A ∪ B|.
public struct ShingleSet: Sendable {
    /// The most shingles kept (bounded memory).
    public static let maxShingles = 200_000
    /// Tokens per shingle.
    public static let width = 4
    private var store = BoundedHashSet(capacity: maxShingles)

    /// No shingles.
    public init() {}

    /// Hashes of the token 4-grams.
    public var hashes: Set<UInt64> { store.hashes }
    /// The number of shingles.
    public var count: Int { store.count }

    /// Adds the shingles of `text`: words (`[A-Za-z0-9_]+`) and single punctuation characters.
    public mutating func add(_ text: String) {
        var window: [UInt64] = []
        window.reserveCapacity(Self.width)
        for token in Self.tokens(text) {
            window.append(token)
            if window.count > Self.width { window.removeFirst() }
            guard window.count == Self.width, !store.isFull else { continue }
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for part in window {
                hash ^= part
                hash = hash.multipliedReportingOverflow(by: 0x0000_0100_0000_01B3).partialValue
            }
            store.insert(hash)
        }
    }

    /// Adds every shingle of `other` (up to ``maxShingles``).
    public mutating func formUnion(_ other: ShingleSet) { store.formUnion(other.store) }

    /// Jaccard similarity with `other` (0 when both are empty).
    public func jaccard(_ other: ShingleSet) -> Double { store.jaccard(other.store) }

    static func tokens(_ text: String) -> [UInt64] {
        var out: [UInt64] = []
        var word: UInt64 = 0
        var inWord = false
        func flush() {
            if inWord { out.append(word) }
            inWord = false
        }
        for byte in text.utf8 {
            let isWord = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F || byte >= 0x80
            if isWord {
                if !inWord { word = 0xcbf2_9ce4_8422_2325 }
                inWord = true
                word ^= UInt64(byte)
                word = word.multipliedReportingOverflow(by: 0x0000_0100_0000_01B3).partialValue
            } else {
                flush()
                if byte > 0x20 { out.append(UInt64(byte)) }
            }
        }
        flush()
        return out
    }
}
