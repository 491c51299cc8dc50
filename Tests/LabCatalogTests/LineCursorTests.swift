import XCTest
@testable import LabCatalog

final class LineCursorTests: XCTestCase {
    func testLinesAndColumnsCountScalarsInOrderAndOutOfOrder() {
        let text = Array("ab\nñu_x\n\nz".utf8)
        var cursor = LineCursor(text)
        XCTAssertEqual(cursor.position(of: 0).line, 1)
        XCTAssertEqual(cursor.position(of: 1).column, 2)
        // "ñ" is two bytes, one column: "u" at byte 5 is column 2 of line 2.
        let u = cursor.position(of: 5)
        XCTAssertEqual(u.line, 2)
        XCTAssertEqual(u.column, 2)
        XCTAssertEqual(cursor.lineStart(of: 7), 3)
        let z = cursor.position(of: 10)
        XCTAssertEqual(z.line, 4)
        XCTAssertEqual(z.column, 1)
        // Going back restarts from the top and gives the same answer as a fresh cursor.
        let again = cursor.position(of: 1)
        XCTAssertEqual(again.line, 1)
        XCTAssertEqual(again.column, 2)
        // Offsets past the end are clamped.
        XCTAssertEqual(cursor.position(of: 1_000).line, 4)
        XCTAssertEqual(cursor.position(of: -3).line, 1)
    }
}
