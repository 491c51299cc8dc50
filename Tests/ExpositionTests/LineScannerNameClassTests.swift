import XCTest
@testable import Exposition

/// The bit-set name classes agree with their definition on every byte.
final class LineScannerNameClassTests: XCTestCase {
    func testNameClassesOnEveryByte() {
        for b in UInt8.min...UInt8.max {
            let letter = (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95
            let digit = b >= 48 && b <= 57
            for colon in [false, true] {
                let start = letter || (colon && b == 58)
                XCTAssertEqual(LineScanner.isNameStart(b, colon: colon), start, "start \(b) colon \(colon)")
                XCTAssertEqual(LineScanner.isNameChar(b, colon: colon), start || digit, "char \(b) colon \(colon)")
            }
        }
    }
}
