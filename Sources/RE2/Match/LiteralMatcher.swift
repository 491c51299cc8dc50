/// Fast paths for `matches` that avoid the Pike VM: patterns that are (alternations of)
/// literals, optionally surrounded by `.*` (with `.` matching newline), plus `.*` and `.+`.
///
/// Case-insensitive literals are compared with ASCII case folding; when the input holds
/// non-ASCII bytes the matcher declines (returns nil) and the VM decides, so folding such as
/// `k` ~ KELVIN SIGN stays exact.
struct LiteralMatcher: Sendable {
    /// Where the literal must occur in the input.
    enum Mode: Sendable {
        /// The input equals one of the literals.
        case exact
        /// The input starts with one of the literals.
        case prefix
        /// The input ends with one of the literals.
        case suffix
        /// The input contains one of the literals.
        case contains
        /// Every input matches (`.*`).
        case anything
        /// Every non-empty input matches (`.+`).
        case nonEmpty
    }

    let mode: Mode
    /// The literals as UTF-8 (lowercased ASCII when `fold`).
    let literals: [[UInt8]]
    /// Whether the literals compare ASCII case-insensitively.
    let fold: Bool
    /// For `.exact` without folding: literal indices by byte length.
    private let byLength: [Int: [Int]]

    init(mode: Mode, literals: [[UInt8]], fold: Bool) {
        self.mode = mode
        self.fold = fold
        self.literals = fold ? literals.map { $0.map(LiteralMatcher.lower) } : literals
        var byLength: [Int: [Int]] = [:]
        for (i, lit) in literals.enumerated() { byLength[lit.count, default: []].append(i) }
        self.byLength = byLength
    }

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    // MARK: - Matching

    /// Whether the input matches, or nil when the fast path cannot decide.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        if fold && bytes.contains(where: { $0 >= 0x80 }) { return nil }
        switch mode {
        case .anything: return true
        case .nonEmpty: return !bytes.isEmpty
        case .exact:
            guard let candidates = byLength[bytes.count] else { return false }
            for i in candidates where equal(literals[i], bytes, at: 0) { return true }
            return false
        case .prefix:
            for lit in literals where lit.count <= bytes.count && equal(lit, bytes, at: 0) { return true }
            return false
        case .suffix:
            for lit in literals where lit.count <= bytes.count && equal(lit, bytes, at: bytes.count - lit.count) {
                return true
            }
            return false
        case .contains:
            for lit in literals where find(lit, in: bytes) { return true }
            return false
        }
    }

    @inline(__always)
    private func equal(_ lit: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var i = 0
        if fold {
            while i < lit.count {
                if LiteralMatcher.lower(bytes[start + i]) != lit[i] { return false }
                i += 1
            }
        } else {
            while i < lit.count {
                if bytes[start + i] != lit[i] { return false }
                i += 1
            }
        }
        return true
    }

    private func find(_ lit: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = lit.first else { return true }
        guard lit.count <= bytes.count else { return false }
        let last = bytes.count - lit.count
        var i = 0
        if fold {
            while i <= last {
                if LiteralMatcher.lower(bytes[i]) == first && equal(lit, bytes, at: i) { return true }
                i += 1
            }
        } else {
            while i <= last {
                if bytes[i] == first && equal(lit, bytes, at: i) { return true }
                i += 1
            }
        }
        return false
    }
}
