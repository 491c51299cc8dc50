import XCTest
@testable import RE2

/// Capture groups reported by `firstMatch`, compared with Go's `FindStringSubmatch`.
final class RegexMatchTests: XCTestCase {
    /// (pattern, input, groups; nil entries are groups that did not participate).
    private let cases: [(String, String, [String?])] = [
        ("(a)(b)?", "a", ["a", "a", nil]),
        ("(a|ab)(c|bcd)(d*)", "abcd", ["abcd", "a", "bcd", ""]),
        ("(a*)+", "b", ["", ""]),
        ("(a*)*", "b", ["", ""]),
        ("(a|b)*", "ab", ["ab", "b"]),
        ("(a+)(b+)?", "aab", ["aab", "aa", "b"]),
        ("(\\w+)@(\\w+)\\.com", "mail bob@example.com now", ["bob@example.com", "bob", "example"]),
        ("(a)|(b)", "b", ["b", nil, "b"]),
        ("((a)|b)+", "ab", ["ab", "b", "a"]),
        ("(a*?)(a*)", "aaa", ["aaa", "", "aaa"]),
        ("(.*)-(.*)", "a-b-c", ["a-b-c", "a-b", "c"]),
        ("(.*?)-(.*)", "a-b-c", ["a-b-c", "a", "b-c"]),
        ("(é)(ü+)", "xéüü", ["éüü", "é", "üü"]),
        ("(?:(a)|b)c", "bc", ["bc", nil]),
    ]

    func testGroupsMatchGo() throws {
        for (pattern, input, expected) in cases {
            let re = try CompiledRegex(pattern, anchored: false)
            guard let m = re.firstMatch(in: input) else {
                XCTFail("no match: \(pattern) in \(input)")
                continue
            }
            XCTAssertEqual(m.count, expected.count, pattern)
            XCTAssertEqual((0..<m.count).map { m[$0].map(String.init) }, expected, "\(pattern) in \(input)")
        }
    }

    func testNamedGroupsAndRanges() throws {
        let re = try CompiledRegex("(?P<first>\\w+) (?<last>\\w+)", anchored: false)
        let input = "-- John Smith!"
        let m = try XCTUnwrap(re.firstMatch(in: input))
        XCTAssertEqual(m["first"], "John")
        XCTAssertEqual(m["last"], "Smith")
        XCTAssertNil(m["middle"])
        XCTAssertEqual(m.names, [nil, "first", "last"])
        XCTAssertEqual(m.utf8Offsets[1], 3..<7)
        XCTAssertEqual(input[m.range], "John Smith")
        XCTAssertNil(m[7])
        XCTAssertNil(m[-1])
    }

    func testUTF8OffsetsWithMultibyteText() throws {
        let re = try CompiledRegex("b(ü)", anchored: false)
        let m = try XCTUnwrap(re.firstMatch(in: "äbü"))
        XCTAssertEqual(m.utf8Offsets[0], 2..<5)
        XCTAssertEqual(m[1], "ü")
    }

    func testDuplicateNamesUseFirstParticipatingGroup() throws {
        let re = try CompiledRegex("(?P<x>a)|(?P<x>b)", anchored: false)
        XCTAssertEqual(try XCTUnwrap(re.firstMatch(in: "b"))["x"], "b")
        XCTAssertEqual(re.captureNames, [nil, "x", "x"])
    }
}
