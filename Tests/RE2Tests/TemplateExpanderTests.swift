import XCTest
@testable import RE2

/// `expand` (Go's `Regexp.Expand`) and `replaceAll` (Go's `ReplaceAllString`).
final class TemplateExpanderTests: XCTestCase {
    func testExpandTemplates() throws {
        let re = try CompiledRegex("(?P<key>\\w+):(?P<value>\\w+)(x)?", anchored: false)
        let m = try XCTUnwrap(re.firstMatch(in: "  host:web01  "))
        let cases: [(String, String)] = [
            ("$1", "host"), ("${1}", "host"), ("$key=$value", "host=web01"), ("${key}_x", "host_x"),
            ("$key_x", ""), ("$1x", ""), ("${1}x", "hostx"), ("$$1", "$1"), ("$$", "$"), ("$", "$"),
            ("a$", "a$"), ("${1", "${1"), ("${}", "${}"), ("$-1", "$-1"), ("$0", "host:web01"),
            ("$3", ""), ("$4", ""), ("$01", ""), ("$nope", ""), ("plain", "plain"), ("$2$1", "web01host"),
            ("ü$1ü", "ü"), ("ü${1}ü", "ühostü"), ("$99999999999", ""),
        ]
        for (template, expected) in cases {
            XCTAssertEqual(re.expand(template, with: m), expected, template)
        }
    }

    func testExpandUnicodeGroupName() throws {
        let re = try CompiledRegex("(?P<a1>x)", anchored: false)
        let m = try XCTUnwrap(re.firstMatch(in: "x"))
        XCTAssertEqual(re.expand("$a1é", with: m), "", "é is a letter and continues the name")
        XCTAssertEqual(re.expand("${a1}é", with: m), "xé")
    }

    func testLabelReplaceStyleAnchoredExpand() throws {
        let re = try CompiledRegex("(.*):.*")
        let m = try XCTUnwrap(re.firstMatch(in: "host:9090"))
        XCTAssertEqual(re.expand("$1", with: m), "host")
        XCTAssertNil(re.firstMatch(in: "host"))
    }

    func testReplaceAllMatchesGo() throws {
        let cases: [(String, String, String, String)] = [
            ("a(x*)b", "-ab-axxb-", "T", "-T-T-"),
            ("a(x*)b", "-ab-axxb-", "$1", "--xx-"),
            ("a(x*)b", "-ab-axxb-", "$1W", "---"),
            ("a(x*)b", "-ab-axxb-", "${1}W", "-W-xxW-"),
            ("a*", "baaac", "X", "XbXcX"),
            ("x*", "abc", "-", "-a-b-c-"),
            ("", "ab", "-", "-a-b-"),
            ("b*", "abc", "X", "XaXcX"),
            ("^", "abc", "X", "Xabc"),
            ("$", "abc", "X", "abcX"),
            ("(?m)^", "a\nb", ">", ">a\n>b"),
            ("o", "foo", "0", "f00"),
            ("é", "éaé", "e", "eae"),
            ("\\d+", "no digits", "#", "no digits"),
            ("(\\w+)@(\\w+)", "a@b c@d", "$2@$1", "b@a d@c"),
        ]
        for (pattern, input, template, expected) in cases {
            let re = try CompiledRegex(pattern, anchored: false)
            XCTAssertEqual(re.replaceAll(in: input, with: template), expected, "\(pattern) on \(input)")
        }
    }

    func testReplaceAllAnchored() throws {
        let re = try CompiledRegex("a+")
        XCTAssertEqual(re.replaceAll(in: "aaa", with: "b"), "b")
        XCTAssertEqual(re.replaceAll(in: "aab", with: "b"), "aab")
    }
}
