import GoCompat
import XCTest
@testable import ConfigModel

final class TemplateFormattingTests: XCTestCase {
    func testPrintfVerbs() {
        let cases: [(String, [TemplateValue], String)] = [
            ("%s|%v|%q", ["a", "b", "c\"d"], "a|b|\"c\\\"d\""),
            ("%d %5d %-5d| %05d %+d %x %X %o %b %c %U", [42, 42, 42, -42, 5, 255, 255, 8, 5, 65, 0x1F600], "42    42 42   | -0042 +5 ff FF 10 101 A U+1F600"),
            ("%f %.2f %8.3f %-8.1f| %e %E %g %G", [3.14159, 3.14159, 3.14159, 2.25, 123456.789, 0.000123, 1e21, 1e-7],
             "3.141590 3.14    3.142 2.2     | 1.234568e+05 1.230000E-04 1e+21 1E-07"),
            ("%.4g %.4g %.4g %.4g %.3g", [1234567.0, 0.00012345, 100000.0, 12.0, 0.0], "1.235e+06 0.0001234 1e+05 12 0"),
            ("%v %v %v %v %v", [1.0, 0.1, 1e6, 123456.0, 1e-5], "1 0.1 1e+06 123456 1e-05"),
            ("%5s|%-5s|%.2s|%05s", ["ab", "ab", "abcdef", "ab"], "   ab|ab   |ab|000ab"),
            ("%x % x %X", ["hi", "hi", "hi"], "6869 68 69 6869"),
            ("%t %v", [true, false], "true false"),
            ("%v %v", [["a", 1], ["k": "v"]], "[a 1] map[k:v]"),
            ("%T %T %T %T", [1, 1.5, "s", nil], "int float64 string <nil>"),
            ("%d%%", [50], "50%"),
            ("%d", ["x"], "%!d(string=x)"),
            ("%s", [1.5], "%!s(float64=1.5)"),
            ("%d %d", [1], "1 %!d(MISSING)"),
            ("%d", [1, "x", 2], "1%!(EXTRA string=x, int=2)"),
            ("%*d|%-*d|", [4, 7, 3, 1], "   7|1  |"),
            ("%!", [], "%!!(MISSING)"), ("x%", [], "x%!(NOVERB)"),
            ("%f %v %.1f", [.float(.infinity), .float(-.infinity), .float(.nan)], "+Inf -Inf NaN"),
            ("%6.2f%%", [12.345], " 12.35%"),
            ("%q %#q", ["tab\there", "raw"], "\"tab\\there\" `raw`"),
            ("%s", [nil], "%!s(<nil>)"),
        ]
        for (format, args, want) in cases {
            XCTAssertEqual(GoPrintf.sprintf(format, args), want, format)
        }
    }

    func testPrintAndPrintlnSpacing() {
        XCTAssertEqual(GoPrintf.sprint(["a", "b"]), "ab")
        XCTAssertEqual(GoPrintf.sprint([1, 2]), "1 2")
        XCTAssertEqual(GoPrintf.sprint(["a", 1, 2, "b"]), "a1 2b")
        XCTAssertEqual(GoPrintf.sprintln(["a", 1]), "a 1\n")
    }

    func testFloatFormatsMatchGo() {
        let cases: [(Double, Character, Int, String)] = [
            (0.000012345, "g", -1, "1.2345e-05"), (123456789.0, "g", -1, "1.23456789e+08"), (100, "g", -1, "100"),
            (1234.5, "g", 4, "1234"), (1235.5, "g", 4, "1236"), (0.5, "f", 0, "0"), (1.5, "f", 0, "2"), (-0.0, "g", -1, "-0"),
            (2.5, "e", 0, "2e+00"), (1e100, "g", -1, "1e+100"), (123.456, "f", -1, "123.456"),
        ]
        for (value, format, precision, want) in cases {
            XCTAssertEqual(GoFloatFormat.format(value, format, precision: precision), want, "\(value) \(format) \(precision)")
        }
    }

    func testGoQuoting() {
        XCTAssertEqual(GoQuoting.quote("a\"b\\c\n\u{1}é"), "\"a\\\"b\\\\c\\n\\x01é\"")
        XCTAssertEqual(GoQuoting.unquote("\"a\\tb\\u00e9\\x41\\101\""), "a\tbéAA")
        XCTAssertEqual(GoQuoting.unquote("`raw\\n`"), "raw\\n")
        XCTAssertNil(GoQuoting.unquote("\"bad\\q\""))
        XCTAssertEqual(GoQuoting.codePoint("A"), "U+0041 'A'")
    }

    func testTimeFormatting() {
        let t = TemplateTime(unixSeconds: 1_435_065_584, nanoseconds: 128_000_000)
        XCTAssertEqual(GoTimeFormat.string(t), "2015-06-23 13:19:44.128 +0000 UTC")
        XCTAssertEqual(GoTimeFormat.format(t, layout: "Mon Jan _2 3:04PM 2006 .000 Z07:00"), "Tue Jun 23 1:19PM 2015 .128 Z")
        XCTAssertEqual(GoTimeFormat.format(t, layout: "January 02, 06 15h -0700 002"), "June 23, 15 13h +0000 174")
        var shifted = t
        shifted.zoneOffset = -(5 * 3600 + 30 * 60)
        shifted.zoneName = "X"
        XCTAssertEqual(GoTimeFormat.format(shifted, layout: "15:04 -07:00 MST"), "07:49 -05:30 X")
        XCTAssertEqual(GoTimeFormat.string(.zero), "0001-01-01 00:00:00 +0000 UTC")
        XCTAssertEqual(GoTimeFormat.string(TemplateTime(unixSeconds: -1)), "1969-12-31 23:59:59 +0000 UTC")
    }
}
