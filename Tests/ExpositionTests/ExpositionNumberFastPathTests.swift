import Foundation
import XCTest
@testable import Exposition

/// The byte fast paths of `ExpositionNumber`: every value they convert must be bit for bit what
/// `strtod` gives, and every text they do not take must still parse through the full path.
final class ExpositionNumberFastPathTests: XCTestCase {
    private func fast(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { ExpositionNumber.fastDecimal(bytes: $0, 0..<$0.count) }
    }

    private func value(_ text: String, _ format: ExpositionFormat = .openMetrics) -> Double? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { ExpositionNumber.parseValue(bytes: $0, 0..<$0.count, format: format) }
    }

    private func seconds(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { ExpositionNumber.parseSeconds(bytes: $0, 0..<$0.count) }
    }

    private func strtodValue(_ text: String) -> Double { strtod(text, nil) }

    private func assertSameAsStrtod(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let expected = strtodValue(text)
        if let got = fast(text) {
            XCTAssertEqual(got.bitPattern, expected.bitPattern, "fast path \(text)", file: file, line: line)
        }
        guard let parsed = value(text) else { return XCTFail("\(text) did not parse", file: file, line: line) }
        XCTAssertEqual(parsed.bitPattern, expected.bitPattern, "parseValue \(text)", file: file, line: line)
    }

    func testFastPathMatchesStrtodOnRandomDecimals() {
        var generator = SystemRandomNumberGenerator()
        var taken = 0
        for _ in 0..<200_000 {
            let digits = Int.random(in: 1...20, using: &generator)
            var mantissa = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            if Bool.random(using: &generator) {
                let dot = Int.random(in: 0...digits, using: &generator)
                mantissa.insert(".", at: mantissa.index(mantissa.startIndex, offsetBy: dot))
                if mantissa == "." { mantissa = "0." }
            }
            var text = (Bool.random(using: &generator) ? "-" : "") + mantissa
            if Int.random(in: 0..<3, using: &generator) == 0 {
                text += (Bool.random(using: &generator) ? "e" : "E") + ["", "+", "-"].randomElement(using: &generator)!
                text += String(Int.random(in: 0...30, using: &generator))
            }
            if fast(text) != nil { taken += 1 }
            assertSameAsStrtod(text)
        }
        XCTAssertGreaterThan(taken, 50_000, "the fast path should take most short decimals")
    }

    func testFastPathMatchesStrtodOnRandomDoublesPrinted() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100_000 {
            let v = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator))
            guard v.isFinite else { continue }
            assertSameAsStrtod(v.description)
            assertSameAsStrtod(String(format: "%.6f", v))
            let small = Double(Int64.random(in: -1_000_000_000...1_000_000_000, using: &generator)) / 1000
            assertSameAsStrtod(small.description)
        }
    }

    func testFastPathEdgeCases() {
        for text in ["0", "-0", "+0", "0.0", "-0.0", "00012", "1.", ".5", "-.5", "1e0", "1E+22", "1e-22", "9007199254740992",
                     "9007199254740993", "0.1", "0.3", "123456789012345678", "1234567890123456789", "1.7976931348623157e308",
                     "4.9e-324", "1e23", "1e-23", "0e999999", "0.000000000000000000000000001"] {
            assertSameAsStrtod(text)
        }
        XCTAssertEqual(fast("-0")?.sign, .minus)
        XCTAssertNil(fast("9007199254740993"), "above 2^53: not exact, left to strtod")
        XCTAssertNil(fast("1e23"), "10^23 is not an exact double")
        XCTAssertNil(fast("12345678901234567890"), "20 significant digits")
        for bad in ["", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "0x1F", "1_000", "1,5", " 1", "1 ", "--1", "NaN", "Inf"] {
            XCTAssertNil(fast(bad), bad)
        }
    }

    func testValuesFallBackForSpecialSpellings() {
        XCTAssertEqual(value("+Inf"), .infinity)
        XCTAssertEqual(value("-inf"), -.infinity)
        XCTAssertEqual(value("Infinity"), .infinity)
        XCTAssertEqual(value("NaN")?.isNaN, true)
        XCTAssertNil(value("-NaN", .openMetrics))
        XCTAssertEqual(value("-NaN", .prometheusText)?.isNaN, true)
        XCTAssertEqual(value("1.7976931348623157e308"), .greatestFiniteMagnitude)
        XCTAssertEqual(value("12345678901234567890123"), 12345678901234567890123.0)
        for bad in ["0x1F", "1_000", "1.2.3", "", "Inff", "e5"] { XCTAssertNil(value(bad), bad) }
    }

    func testSecondsFastPathAgreesWithTheStringPath() {
        var generator = SystemRandomNumberGenerator()
        var texts = ["0", "-0", "1520879607", "1520879607.789", "1520879607.7891", "-1.5", "1e3", "0.0005", "0.0015",
                     "+12", "9223372036854775", "9223372036854776", "999999999999999999", "1e300", "12.", ".25"]
        for _ in 0..<50_000 {
            let whole = Int64.random(in: -2_000_000_000...2_000_000_000, using: &generator)
            let fractionDigits = Int.random(in: 0...6, using: &generator)
            var text = String(whole)
            if fractionDigits > 0 {
                text += "." + String((0..<fractionDigits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            }
            texts.append(text)
        }
        for text in texts {
            XCTAssertEqual(seconds(text) ?? ExpositionNumber.parseSeconds(text), ExpositionNumber.parseSeconds(text), text)
        }
        XCTAssertEqual(seconds("1520879607.789"), 1_520_879_607_789)
        XCTAssertEqual(seconds("-1.5"), -1500)
        XCTAssertEqual(seconds("12"), 12000)
        XCTAssertNil(seconds("1e300"))
        XCTAssertNil(seconds("NaN"))
        XCTAssertNil(seconds("9999999999999999"), "overflows 64-bit milliseconds")
    }
}
