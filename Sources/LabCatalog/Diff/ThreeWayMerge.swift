/// A line-based three-way merge (diff3): the changes from `base` to `ours` and from `base` to
/// `theirs` are combined; where both changed the same lines differently, a conflict is marked
///
/// ```
/// <<<<<<< ours
/// the student's lines
/// =======
/// the new template's lines
/// >>>>>>> theirs
/// ```
public struct ThreeWayMerge: Sendable {
    /// The merged text.
    public let text: String
    /// How many conflicts were marked.
    public let conflicts: Int

    /// Labels written after the conflict markers.
    public struct Labels: Sendable {
        public var ours: String
        public var theirs: String

        public init(ours: String = "ours", theirs: String = "theirs") {
            self.ours = ours
            self.theirs = theirs
        }
    }

    /// Merges `ours` and `theirs`, both derived from `base`.
    public init(base: String, ours: String, theirs: String, labels: Labels = Labels()) {
        if ours == theirs || theirs == base {
            self.text = ours
            self.conflicts = 0
            return
        }
        if ours == base {
            self.text = theirs
            self.conflicts = 0
            return
        }
        let o = TextLines.split(base), a = TextLines.split(ours), b = TextLines.split(theirs)
        var matchA = [Int?](repeating: nil, count: o.count)
        var matchB = [Int?](repeating: nil, count: o.count)
        for (i, j) in LineDiff(old: o, new: a).matches { matchA[i] = j }
        for (i, j) in LineDiff(old: o, new: b).matches { matchB[i] = j }

        var out: [Substring] = []
        var conflicts = 0
        var i = 0, ia = 0, ib = 0
        while i < o.count || ia < a.count || ib < b.count {
            // A stable run: base lines matched in both, at the current positions.
            var k = 0
            while i + k < o.count, matchA[i + k] == ia + k, matchB[i + k] == ib + k { k += 1 }
            if k > 0 {
                out += o[i..<(i + k)]
                i += k
                ia += k
                ib += k
                continue
            }
            // An unstable chunk up to the next base line matched in both.
            var j = i
            while j < o.count, !(matchA[j] != nil && matchB[j] != nil) { j += 1 }
            let endA = j < o.count ? (matchA[j] ?? a.count) : a.count
            let endB = j < o.count ? (matchB[j] ?? b.count) : b.count
            let baseChunk = o[i..<j], oursChunk = a[ia..<max(ia, endA)], theirsChunk = b[ib..<max(ib, endB)]
            if Array(oursChunk) == Array(baseChunk) {
                out += theirsChunk
            } else if Array(theirsChunk) == Array(baseChunk) || Array(oursChunk) == Array(theirsChunk) {
                out += oursChunk
            } else {
                conflicts += 1
                out.append(Substring("<<<<<<< \(labels.ours)"))
                out += oursChunk
                out.append("=======")
                out += theirsChunk
                out.append(Substring(">>>>>>> \(labels.theirs)"))
            }
            i = j
            ia = max(ia, endA)
            ib = max(ib, endB)
            if j == o.count, ia >= a.count, ib >= b.count { break }
        }
        self.text = TextLines.join(out)
        self.conflicts = conflicts
    }
}
