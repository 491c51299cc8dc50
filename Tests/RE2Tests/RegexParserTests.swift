import XCTest
@testable import RE2

/// Syntax acceptance and rejection, with Go's error messages.
final class RegexParserTests: XCTestCase {
    // MARK: - Rejected patterns

    func testRejectedPatternsHaveGoMessages() {
        let cases: [(String, String)] = [
            ("(?=x)", "invalid or unsupported Perl syntax: `(?=`"),
            ("(?!x)", "invalid or unsupported Perl syntax: `(?!`"),
            ("(?>x)", "invalid or unsupported Perl syntax: `(?>`"),
            ("(?(1)a|b)", "invalid or unsupported Perl syntax: `(?(`"),
            ("(?P=name)", "invalid or unsupported Perl syntax: `(?P`"),
            ("(?<=x)", "invalid named capture: `(?<=x)`"),
            ("(?<!x)", "invalid named capture: `(?<!x)`"),
            ("(?i", "invalid or unsupported Perl syntax: `(?i`"),
            ("(?-)", "invalid or unsupported Perl syntax: `(?-)`"),
            ("(?i-)", "invalid or unsupported Perl syntax: `(?i-)`"),
            ("(?x)", "invalid or unsupported Perl syntax: `(?x`"),
            ("(abc", "missing closing ): `(abc`"),
            ("a(b(c)", "missing closing ): `a(b(c)`"),
            ("abc)", "unexpected ): `abc)`"),
            (")", "unexpected ): `)`"),
            ("a**", "invalid nested repetition operator: `**`"),
            ("a*+", "invalid nested repetition operator: `*+`"),
            ("a++", "invalid nested repetition operator: `++`"),
            ("a?*", "invalid nested repetition operator: `?*`"),
            ("a*?+", "invalid nested repetition operator: `*?+`"),
            ("a{2}{3}", "invalid nested repetition operator: `{2}{3}`"),
            ("a{1001}", "invalid repeat count: `{1001}`"),
            ("a{2,1}", "invalid repeat count: `{2,1}`"),
            ("a{0,1001}", "invalid repeat count: `{0,1001}`"),
            ("(a{500}){3}", "invalid repeat count: `{3}`"),
            ("((a{10}){10}){11}", "invalid repeat count: `{11}`"),
            ("\\1", "invalid escape sequence: `\\1`"),
            ("(a)\\1", "invalid escape sequence: `\\1`"),
            ("\\8", "invalid escape sequence: `\\8`"),
            ("\\Z", "invalid escape sequence: `\\Z`"),
            ("\\C", "invalid escape sequence: `\\C`"),
            ("\\q", "invalid escape sequence: `\\q`"),
            ("\\é", "invalid escape sequence: `\\é`"),
            ("\\xZ1", "invalid escape sequence: `\\xZ`"),
            ("\\x{110000}", "invalid escape sequence: `\\x{110000`"),
            ("\\x{}", "invalid escape sequence: `\\x{}`"),
            ("[z-a]", "invalid character class range: `z-a`"),
            ("[a-\\d]", "invalid escape sequence: `\\d`"),
            ("[a", "missing closing ]: `[a`"),
            ("x[]", "missing closing ]: `[]`"),
            ("[^", "missing closing ]: `[^`"),
            ("[\\b]", "invalid escape sequence: `\\b`"),
            ("*", "missing argument to repetition operator: `*`"),
            ("a|*", "missing argument to repetition operator: `*`"),
            ("(+)", "missing argument to repetition operator: `+`"),
            ("{2}", "missing argument to repetition operator: `{2}`"),
            ("(?i)*", "missing argument to repetition operator: `*`"),
            ("(?P<1a-b>x)", "invalid named capture: `(?P<1a-b>`"),
            ("(?P<>x)", "invalid named capture: `(?P<>`"),
            ("(?P<name", "invalid named capture: `(?P<name`"),
            ("(?<na me>x)", "invalid named capture: `(?<na me>`"),
            ("\\p{Foo}", "invalid character class range: `\\p{Foo}`"),
            ("\\pX", "invalid character class range: `\\pX`"),
            ("\\p{L", "invalid character class range: `\\p{L`"),
            ("[[:foo:]]", "invalid character class range: `[:foo:]`"),
            ("x\\", "trailing backslash at end of expression: ``"),
        ]
        for (pattern, expected) in cases {
            XCTAssertThrowsError(try CompiledRegex(pattern), pattern) { error in
                XCTAssertEqual("\(error)", "error parsing regexp: \(expected)", pattern)
            }
        }
    }

    func testErrorOffsets() throws {
        let cases: [(String, Int)] = [("ab(?=x)", 2), ("abc**", 3), ("[z-a]", 1), ("a\\1", 1), ("x{1001}", 1)]
        for (pattern, offset) in cases {
            XCTAssertThrowsError(try CompiledRegex(pattern)) { error in
                XCTAssertEqual((error as? RegexSyntaxError)?.offset, offset, pattern)
            }
        }
    }

    func testNestingDepthIsLimited() {
        let deep = String(repeating: "(", count: 101) + "a" + String(repeating: ")", count: 101)
        XCTAssertThrowsError(try CompiledRegex(deep)) { error in
            XCTAssertEqual((error as? RegexSyntaxError)?.message, "expression nests too deeply")
        }
        let ok = String(repeating: "(", count: 100) + "a" + String(repeating: ")", count: 100)
        XCTAssertNoThrow(try CompiledRegex(ok))
    }

    func testProgramSizeIsLimited() {
        let big = "(" + String(repeating: "abcdefghij", count: 20) + "){1000}"
        XCTAssertThrowsError(try CompiledRegex(big)) { error in
            XCTAssertEqual((error as? RegexSyntaxError)?.message, "expression too large")
        }
        XCTAssertNoThrow(try CompiledRegex("[a-z]{1000}"))
        XCTAssertNoThrow(try CompiledRegex("(a{10}){100}"))
    }

    // MARK: - Accepted patterns

    func testAcceptedPatterns() {
        let accepted = [
            "", "a", "a|", "|", "()", "(?:)", "a{,5}", "{", "a{", "a{1", "a{1,", "x{1000}", "x{1000,}", "x{0,1000}",
            "^*", "\\b+", "(?i)abc", "(?i:a)b", "(?-s:.)", "(?im-sU:x)", "(?U)a*", "(?P<name>a)", "(?<name>a)",
            "(?P<a_1>x)(?P<a_1>y)", "[]a]", "[^]a]", "[a-]", "[-a]", "[a-b-c]", "[\\]]", "[[:alpha:]]",
            "[[:^digit:]x]", "[\\d\\s]", "[\\p{Greek}\\PL]", "\\pL", "\\p{^Lu}", "\\PN", "\\p{Any}",
            "\\Q*+?\\E", "\\Qab", "\\x41\\x{1F600}", "\\0\\012\\101", "\\a\\f\\t\\n\\r\\v", "\\.\\*\\ \\-\\#",
            "\\A\\z", "a*?b+?c??d{2,3}?", "[[:word:]]", "[a-z&&b]", "(?s).", "(?m)^$", "[\\x00-\\x{10FFFF}]",
        ]
        for pattern in accepted {
            XCTAssertNoThrow(try CompiledRegex(pattern), pattern)
        }
    }

    func testCaptureNamesAndCount() throws {
        let re = try CompiledRegex("(?P<first>a)(b)(?<third>c)(?:d)")
        XCTAssertEqual(re.numberOfCaptureGroups, 3)
        XCTAssertEqual(re.captureNames, [nil, "first", nil, "third"])
        XCTAssertEqual(try CompiledRegex("abc").numberOfCaptureGroups, 0)
        XCTAssertEqual(try CompiledRegex("abc").captureNames, [nil])
    }

    func testLiteralMergingKeepsRepetitionOnLastScalar() throws {
        let parsed = try RegexParser.parse("abc*")
        XCTAssertEqual(
            parsed.root,
            .concat([.literal([0x61, 0x62], fold: false), .repeat(.literal([0x63], fold: false), min: 0, max: -1, greedy: true)])
        )
    }
}
