import XCTest
@testable import LabCatalog

final class DiffTests: XCTestCase {
    func testMyersFindsShortestScript() {
        let diff = LineDiff(old: "a\nb\nc\na\nb\nb\na\n", new: "c\nb\na\nb\na\nc\n")
        let changes = diff.edits.filter { if case .equal = $0 { return false } else { return true } }
        XCTAssertEqual(changes.count, 5, "the classic ABCABBA/CBABAC example has D = 5")
        XCTAssertEqual(diff.matches.count, 4)
    }

    func testIdenticalAndEmpty() {
        XCTAssertTrue(LineDiff(old: "x\ny\n", new: "x\ny\n").isIdentical)
        XCTAssertEqual(LineDiff(old: "", new: "a\nb\n").edits, [.insert(newIndex: 0), .insert(newIndex: 1)])
        XCTAssertEqual(UnifiedDiff().render(old: "a\n", new: "a\n", oldName: "a", newName: "b"), "")
    }

    func testUnifiedDiffHunks() {
        let old = (1...12).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 2\n", with: "line two\n")
            .replacingOccurrences(of: "line 11\n", with: "")
        let expected = """
        --- a/f
        +++ b/f
        @@ -1,5 +1,5 @@
         line 1
        -line 2
        +line two
         line 3
         line 4
         line 5
        @@ -8,5 +8,4 @@
         line 8
         line 9
         line 10
        -line 11
         line 12

        """
        XCTAssertEqual(UnifiedDiff().render(old: old, new: new, oldName: "a/f", newName: "b/f"), expected)
    }

    func testNewFileDiff() {
        XCTAssertEqual(UnifiedDiff().render(old: "", new: "a\n", oldName: "/dev/null", newName: "b/x"),
                       "--- /dev/null\n+++ b/x\n@@ -0,0 +1,1 @@\n+a\n")
    }

    func testMergeTakesBothSidesWhenApart() {
        let base = "a\nb\nc\nd\ne\n"
        let ours = "a\nB (student)\nc\nd\ne\n"
        let theirs = "a\nb\nc\nd\nE (template v2)\nf\n"
        let merge = ThreeWayMerge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(merge.conflicts, 0)
        XCTAssertEqual(merge.text, "a\nB (student)\nc\nd\nE (template v2)\nf\n")
    }

    func testMergeMarksConflict() {
        let merge = ThreeWayMerge(base: "a\nb\nc\n", ours: "a\nmine\nc\n", theirs: "a\ntheirs\nc\n",
                                  labels: .init(ours: "ours", theirs: "theirs v2"))
        XCTAssertEqual(merge.conflicts, 1)
        XCTAssertEqual(merge.text, "a\n<<<<<<< ours\nmine\n=======\ntheirs\n>>>>>>> theirs v2\nc\n")
    }

    func testMergeShortcutsAndSameChange() {
        XCTAssertEqual(ThreeWayMerge(base: "a\n", ours: "a\n", theirs: "b\n").text, "b\n")
        XCTAssertEqual(ThreeWayMerge(base: "a\n", ours: "b\n", theirs: "a\n").text, "b\n")
        let same = ThreeWayMerge(base: "x\na\ny\n", ours: "x\nb\ny\nz\n", theirs: "x\nb\ny\n")
        XCTAssertEqual(same.conflicts, 0)
        XCTAssertEqual(same.text, "x\nb\ny\nz\n")
    }

    func testLargeDiffFallsBackWithoutBlowingUp() {
        let old = (0..<3000).map { "o\($0)" }.joined(separator: "\n")
        let new = (0..<3000).map { "n\($0)" }.joined(separator: "\n")
        let diff = LineDiff(old: old, new: new)
        XCTAssertEqual(diff.edits.count, 6000)
        XCTAssertTrue(diff.matches.isEmpty)
    }
}
