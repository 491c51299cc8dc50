import XCTest
@testable import LabCatalog

/// The RFC 4180 reader: quoting, escaped quotes, line breaks inside quotes, CRLF, BOM, errors.
final class RosterCSVReaderTests: XCTestCase {
    func testQuotesEscapesCRLFAndBOM() throws {
        let text = "\u{FEFF}id,name\r\na,\"García, Ana\"\r\nb,\"Bob \"\"B\"\"\"\r\nc,\"two\r\nlines\"\r\n\r\nd,\n"
        let records = try CSVReader().read(text)
        XCTAssertEqual(records.map(\.values), [["id", "name"], ["a", "García, Ana"], ["b", "Bob \"B\""],
                                               ["c", "two\r\nlines"], ["d", ""]])
        XCTAssertEqual(records.map(\.line), [1, 2, 3, 4, 7])
        XCTAssertEqual(records[1].fields[1].column, 3)
    }

    func testLastRecordWithoutNewlineAndLoneLF() throws {
        XCTAssertEqual(try CSVReader().read("a,b\nc,d").map(\.values), [["a", "b"], ["c", "d"]])
        XCTAssertEqual(try CSVReader().read(""), [])
        XCTAssertEqual(try CSVReader().read("\n\n"), [])
    }

    func testErrorsHaveLineAndColumn() {
        let cases: [(String, Int, Int, String)] = [
            ("id\nab\"c\n", 2, 3, "quote inside an unquoted field"),
            ("id\n\"abc\"x\n", 2, 6, "after the closing quote"),
            ("id,name\nx,\"open\n", 2, 3, "not closed"),
        ]
        for (text, line, column, message) in cases {
            XCTAssertThrowsError(try CSVReader().read(text), text) { error in
                guard let error = error as? CSVError else { return XCTFail("\(error)") }
                XCTAssertEqual(error.line, line, text)
                XCTAssertEqual(error.column, column, text)
                XCTAssertTrue(error.message.contains(message), error.message)
            }
        }
    }

    func testLimitsAndDelimiterDetection() {
        XCTAssertThrowsError(try CSVReader(maxFields: 2).read("a,b,c\n"))
        XCTAssertThrowsError(try CSVReader(maxFieldLength: 3).read("abcd\n"))
        XCTAssertThrowsError(try CSVReader(maxRecords: 1).read("a\nb\n"))
        XCTAssertEqual(CSVReader.detectDelimiter(in: "id;prefijo\na;b"), ";")
        XCTAssertEqual(CSVReader.detectDelimiter(in: "id,prefix;x\n"), ",")
        XCTAssertEqual(CSVReader.detectDelimiter(in: "\"a;b\",c\n"), ",")
    }
}
