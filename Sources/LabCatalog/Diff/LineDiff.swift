/// A line diff with Myers' O(ND) algorithm: the shortest edit script between two texts.
///
/// Used by `init --dry-run` (unified diffs) and `init --update` (three-way merge). Edit scripts
/// longer than ``maxEdits`` fall back to "replace everything", so the work and memory stay bounded
/// (the trace costs O(D²) integers).
public struct LineDiff: Sendable {
    /// One step of an edit script.
    public enum Edit: Sendable, Hashable {
        /// `old[oldIndex] == new[newIndex]`.
        case equal(oldIndex: Int, newIndex: Int)
        case delete(oldIndex: Int)
        case insert(newIndex: Int)
    }

    /// The largest number of edits searched for before giving up on a minimal script.
    public static let maxEdits = 2000

    public let old: [Substring]
    public let new: [Substring]
    /// The edit script, in order.
    public let edits: [Edit]

    /// Diffs two lists of lines.
    public init(old: [Substring], new: [Substring]) {
        self.old = old
        self.new = new
        self.edits = Self.script(old, new)
    }

    /// Diffs two texts line by line.
    public init(old: String, new: String) {
        self.init(old: TextLines.split(old), new: TextLines.split(new))
    }

    /// The pairs of equal lines `(oldIndex, newIndex)`, increasing in both.
    public var matches: [(Int, Int)] {
        edits.compactMap { if case .equal(let a, let b) = $0 { return (a, b) } else { return nil } }
    }

    /// Whether the texts are identical.
    public var isIdentical: Bool { edits.allSatisfy { if case .equal = $0 { return true } else { return false } } }

    // MARK: - Myers

    private static func script(_ a: [Substring], _ b: [Substring]) -> [Edit] {
        // Common prefix and suffix are cheap and keep the search small.
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
              a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = Array(a[prefix..<(a.count - suffix)]), y = Array(b[prefix..<(b.count - suffix)])
        var out: [Edit] = (0..<prefix).map { .equal(oldIndex: $0, newIndex: $0) }
        out += middle(x, y).map { edit in
            switch edit {
            case .equal(let i, let j): return .equal(oldIndex: i + prefix, newIndex: j + prefix)
            case .delete(let i): return .delete(oldIndex: i + prefix)
            case .insert(let j): return .insert(newIndex: j + prefix)
            }
        }
        out += (0..<suffix).map { .equal(oldIndex: a.count - suffix + $0, newIndex: b.count - suffix + $0) }
        return out
    }

    private static func middle(_ a: [Substring], _ b: [Substring]) -> [Edit] {
        let n = a.count, m = b.count
        if n == 0 { return (0..<m).map { .insert(newIndex: $0) } }
        if m == 0 { return (0..<n).map { .delete(oldIndex: $0) } }
        let maxD = min(n + m, maxEdits)
        let offset = maxD + 1
        var v = [Int](repeating: 0, count: 2 * maxD + 3)
        var trace: [[Int]] = []
        var found = false
        search: for d in 0...maxD {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var xPos: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    xPos = v[offset + k + 1]
                } else {
                    xPos = v[offset + k - 1] + 1
                }
                var yPos = xPos - k
                while xPos < n, yPos < m, a[xPos] == b[yPos] {
                    xPos += 1
                    yPos += 1
                }
                v[offset + k] = xPos
                if xPos >= n, yPos >= m {
                    found = true
                    break search
                }
            }
        }
        guard found else {
            return (0..<n).map { .delete(oldIndex: $0) } + (0..<m).map { .insert(newIndex: $0) }
        }
        // Walk the trace backwards from (n, m).
        var edits: [Edit] = []
        var xPos = n, yPos = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let vd = trace[d]
            let k = xPos - yPos
            let prevK = (k == -d || (k != d && vd[offset + k - 1] < vd[offset + k + 1])) ? k + 1 : k - 1
            let prevX = d == 0 ? 0 : vd[offset + prevK]
            let prevY = prevX - prevK
            while xPos > prevX, yPos > prevY {
                xPos -= 1
                yPos -= 1
                edits.append(.equal(oldIndex: xPos, newIndex: yPos))
            }
            if d > 0 {
                if xPos == prevX {
                    edits.append(.insert(newIndex: prevY))
                } else {
                    edits.append(.delete(oldIndex: prevX))
                }
            }
            xPos = prevX
            yPos = prevY
        }
        return edits.reversed()
    }
}

/// Splitting and joining texts as lines (the final newline is not a line of its own).
public enum TextLines {
    /// The lines of `text`, without their `\n`.
    public static func split(_ text: String) -> [Substring] {
        guard !text.isEmpty else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { lines.removeLast() }
        return lines
    }

    /// `lines` joined with `\n`, ending with a newline when there is any line.
    public static func join(_ lines: [Substring]) -> String {
        lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }
}
