import XCTest
@testable import RE2

/// Matching semantics (anchoring, flags, repetition, assertions) against Go `regexp` results.
final class CompiledRegexMatchTests: XCTestCase {
    /// (pattern, input, whole-string match as Prometheus matchers do).
    private let anchoredCases: [(String, String, Bool)] = [
        ("foo", "foo", true), ("foo", "foobar", false), ("foo", "xfoo", false), ("foo", "", false),
        ("foo|bar", "bar", true), ("foo|bar", "foobar", false), ("api|web|db", "db", true),
        ("api|web|db", "dba", false), ("", "", true), ("", "a", false), ("a|", "", true),
        (".*", "", true), (".*", "a\nb", true), (".+", "", false), (".+", "\n", true),
        ("a.c", "a\nc", true), ("a.c", "abc", true), ("a.c", "ac", false),
        ("foo.*", "foobar", true), ("foo.*", "barfoo", false), (".*foo", "barfoo", true),
        (".*foo.*", "xxfooyy", true), (".*foo.*", "xxfoyy", false), ("5..", "503", true), ("5..", "5033", false),
        ("5..", "404", false), ("/api/v[0-9]+/.*", "/api/v12/users", true), ("/api/v[0-9]+/.*", "/api/v/users", false),
        ("a$", "a", true), ("^a", "a", true), ("^a$", "a", true), ("a$", "a\n", false),
        ("(?-s:.)", "\n", false), ("(?-s:a.c)", "a\nc", false), ("[^a]", "\n", true),
        ("a*", "", true), ("a*", "aaaa", true), ("a*", "aab", false), ("a+", "", false),
        ("a?", "", true), ("a?", "aa", false), ("a{2}", "aa", true), ("a{2}", "aaa", false),
        ("a{2,}", "aaaaa", true), ("a{2,}", "a", false), ("a{2,3}", "aaa", true), ("a{2,3}", "aaaa", false),
        ("a{0}", "", true), ("a{0}b", "b", true), ("a{,2}", "a{,2}", true), ("x{", "x{", true),
        ("(a|b)*c", "ababc", true), ("(a|b)*c", "abab", false), ("[a-c]+", "abcabc", true), ("[^a-c]+", "xyz", true),
        ("[^a-c]+", "xaz", false), ("\\d+", "0123", true), ("\\d", "٣", false), ("\\D", "٣", true),
        ("\\w+", "abc_09", true), ("\\w", "é", false), ("\\W", "é", true), ("\\s", "\t", true), ("\\s", "\u{0B}", false),
        ("\\S", "x", true), ("[[:alpha:]]+", "abcXYZ", true), ("[[:^digit:]]", "a", true), ("[[:^digit:]]", "1", false),
        ("[[:space:]]", "\u{0B}", true), ("[[:punct:]]+", "!-/", true), ("[[:xdigit:]]+", "09afAF", true),
        ("\\x41", "A", true), ("\\x{1F600}", "😀", true), ("\\101", "A", true), ("\\0", "\u{0}", true),
        ("\\012", "\n", true), ("\\t\\n\\r\\f\\v\\a", "\t\n\r\u{0C}\u{0B}\u{07}", true), ("\\.", ".", true),
        ("\\.", "a", false), ("\\Q.*+\\E", ".*+", true), ("\\Q.*+\\E", "abc", false), ("\\Qa.b", "a.b", true),
        ("a\\Qb\\E*", "abbb", true), ("[\\]]", "]", true), ("[]a]+", "]a", true), ("[a-]+", "a-", true),
        ("[a-b-c]+", "ab-c", true), ("^.$", "😀", true), ("^.$", "e\u{301}", false), ("..", "e\u{301}", true),
        ("\\p{Any}", "x", true), ("\\Aabc\\z", "abc", true), ("a\\z", "a", true),
        ("(?U)a+", "aaa", true), ("(?i)error", "ERROR", true), ("(?i)error", "ErRoR", true), ("(?i)error", "errors", false),
        ("(?i)err|warn", "WARN", true), ("(?i:a)b", "Ab", true), ("(?i:a)b", "AB", false), ("a(?i)b|c", "aB", true),
        ("a(?i)b|c", "C", true), ("(?i)(?-i:a)b", "aB", true), ("(?i)(?-i:a)b", "AB", false),
    ]

    func testAnchoredMatching() throws {
        for (pattern, input, expected) in anchoredCases {
            let re = try CompiledRegex(pattern)
            XCTAssertEqual(re.matches(input), expected, "\(pattern) ~ \(input.debugDescription)")
        }
    }

    /// (pattern, input, leftmost-first match text or nil), searching without anchoring.
    private let searchCases: [(String, String, String?)] = [
        ("a|ab", "ab", "a"), ("ab|a", "ab", "ab"), ("a*", "baaa", ""), ("a+", "baaa", "aaa"), ("a*?", "aaa", ""),
        ("a+?", "aaa", "a"), ("a??b", "ab", "ab"), ("(a+)(b+)?", "aab", "aab"), ("x*", "", ""), ("foo", "a foo b", "foo"),
        ("foo", "fo", nil), ("\\bfoo\\b", "a foo b", "foo"), ("\\bfoo\\b", "afoob", nil), ("\\Bo\\B", "foo", "o"),
        ("^b", "a\nb", nil), ("(?m)^b$", "a\nb\nc", "b"), ("(?m)$", "a\nb", ""), ("b$", "ab\n", nil),
        ("(?m)b$", "ab\nc", "b"), ("a.", "a\nb", "a\n"), ("[0-9]+", "abc123def456", "123"), ("(?U)a+", "aaa", "a"),
        ("(?U)a+?", "aaa", "aaa"), ("a{2,3}", "aaaa", "aaa"), ("a{2,3}?", "aaaa", "aa"), ("(a|ab)(c|bcd)", "abcd", "abcd"),
        ("é+", "caféé!", "éé"), ("\\pL+", "123héllo456", "héllo"), ("\\d+$", "a1\n22", "22"),
        ("(?i)straße", "STRASSE Straße", "Straße"), ("", "abc", ""), ("\\Aab", "cab", nil), ("ab\\z", "abab", "ab"),
    ]

    func testSearchMatchesGoLeftmostFirst() throws {
        for (pattern, input, expected) in searchCases {
            let re = try CompiledRegex(pattern, anchored: false)
            let found = re.firstMatch(in: input).map { String($0.text) }
            XCTAssertEqual(found, expected, "\(pattern) in \(input.debugDescription)")
            XCTAssertEqual(re.matches(input), expected != nil, "matches: \(pattern) in \(input.debugDescription)")
        }
    }

    func testDotMatchesNewlineCanBeTurnedOff() throws {
        let re = try CompiledRegex("a.c", anchored: false, dotMatchesNewline: false)
        XCTAssertFalse(re.matches("a\nc"))
        XCTAssertTrue(re.matches("abc"))
        XCTAssertTrue(try CompiledRegex("(?s)a.c", anchored: false, dotMatchesNewline: false).matches("a\nc"))
    }

    func testAnchoredFirstMatchCoversWholeString() throws {
        let re = try CompiledRegex("a|ab")
        XCTAssertEqual(re.firstMatch(in: "ab").map { String($0.text) }, "ab")
        XCTAssertNil(re.firstMatch(in: "abc"))
    }

    func testPatternAndAnchoringAreKept() throws {
        let re = try CompiledRegex("x+", anchored: false)
        XCTAssertEqual(re.pattern, "x+")
        XCTAssertFalse(re.isAnchored)
        XCTAssertTrue(try CompiledRegex("x").isAnchored)
    }
}
