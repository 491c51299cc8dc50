/// Renders a ``LineDiff`` as a unified diff (`--- a/x`, `+++ b/x`, `@@ -l,c +l,c @@` hunks).
public struct UnifiedDiff: Sendable {
    /// Lines of context around each change.
    public var context: Int

    public init(context: Int = 3) {
        self.context = max(0, context)
    }

    /// The unified diff from `old` to `new`, or `""` when they are equal.
    public func render(old: String, new: String, oldName: String, newName: String) -> String {
        let diff = LineDiff(old: old, new: new)
        guard !diff.isIdentical else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        let edits = diff.edits
        // How many old and new lines come before each edit.
        var before: [(old: Int, new: Int)] = []
        before.reserveCapacity(edits.count)
        var o = 0, n = 0
        for edit in edits {
            before.append((o, n))
            switch edit {
            case .equal: o += 1; n += 1
            case .delete: o += 1
            case .insert: n += 1
            }
        }
        var i = 0
        while i < edits.count {
            guard let changeStart = edits[i...].firstIndex(where: { !Self.isEqual($0) }) else { break }
            // Extend the hunk while changes are within 2 * context equal lines of each other.
            var end = changeStart
            var lastChange = changeStart
            while end < edits.count {
                if !Self.isEqual(edits[end]) { lastChange = end }
                if end - lastChange > 2 * context { break }
                end += 1
            }
            let start = max(i, changeStart - context)
            let stop = min(edits.count, lastChange + context + 1)
            out += hunk(edits[start..<stop], diff, oldBefore: before[start].old, newBefore: before[start].new)
            i = stop
        }
        return out
    }

    private static func isEqual(_ edit: LineDiff.Edit) -> Bool {
        if case .equal = edit { return true }
        return false
    }

    private func hunk(_ edits: ArraySlice<LineDiff.Edit>, _ diff: LineDiff, oldBefore: Int, newBefore: Int) -> String {
        var oldCount = 0, newCount = 0
        var body = ""
        for edit in edits {
            switch edit {
            case .equal(let a, _):
                oldCount += 1
                newCount += 1
                body += " \(diff.old[a])\n"
            case .delete(let a):
                oldCount += 1
                body += "-\(diff.old[a])\n"
            case .insert(let b):
                newCount += 1
                body += "+\(diff.new[b])\n"
            }
        }
        // An empty side names the line before it, as diff -u does.
        let o = oldCount == 0 ? oldBefore : oldBefore + 1
        let n = newCount == 0 ? newBefore : newBefore + 1
        return "@@ -\(o),\(oldCount) +\(n),\(newCount) @@\n" + body
    }
}
