import XCTest
@testable import RE2

/// The ASCII DFA agrees with the Pike VM, and declines what it cannot handle.
final class AsciiDFATests: XCTestCase {
    private let patterns = [
        "5..", "/api/v[0-9]+/.*", "web-[0-9]+", "(GET|POST) /.*", "[a-z]+_(total|count|sum)", "(.*):(\\d+)",
        "a*", "(a|ab)(c|bcd)", "x{2,4}y?", "[^a-c]*z", "(?-s:a.b)", "(?i)[a-z]+[0-9]", "\\Aab|cd\\z", "a$|b",
        "(?i)ok|k+", "", "a|", "(a*)*b", "[[:punct:]]{2}",
    ]
    private let inputs = [
        "", "a", "ab", "abcd", "503", "5033", "/api/v12/users", "/api/v/x", "web-7", "web-", "GET /x", "PUT /x",
        "a_total", "a_totals", "host:9090", "host:", "xxxy", "xxxxxy", "defz", "a\nb", "axb", "ABC1", "cd", "xcd",
        "b", "aaab", "ok", "kkk", "!!", "!?!", "é", "aé", "\u{212A}",
    ]

    func testDFAAgreesWithVM() throws {
        for pattern in patterns {
            for anchored in [true, false] {
                let re = try CompiledRegex(pattern, anchored: anchored)
                for input in inputs {
                    XCTAssertEqual(
                        re.matches(input), re.matchesUsingVM(input),
                        "\(pattern) anchored=\(anchored) on \(input.debugDescription)"
                    )
                }
            }
        }
    }

    func testDFABuiltForTypicalPatternsOnly() throws {
        XCTAssertTrue(try CompiledRegex("5..").hasDFA)
        XCTAssertTrue(try CompiledRegex("(GET|POST) /.*").hasDFA)
        XCTAssertFalse(try CompiledRegex("\\bfoo").hasDFA, "word boundaries need the VM")
        XCTAssertFalse(try CompiledRegex("(?m)^a").hasDFA, "line anchors need the VM")
        XCTAssertFalse(try CompiledRegex("foo").hasDFA, "literal fast path instead")
        XCTAssertFalse(try CompiledRegex("[a-q][^u-z]{13}x", anchored: false).hasDFA, "state explosion is capped")
    }

    func testNonASCIIInputFallsBackToVM() throws {
        let re = try CompiledRegex("(?i)k.")
        XCTAssertTrue(re.hasDFA)
        XCTAssertTrue(re.matches("\u{212A}x"))
        XCTAssertTrue(re.matches("Ké"))
        XCTAssertFalse(re.matches("ké!"))
    }

    /// Found by the regex fuzz target (Tests/FuzzRegressionTests/Inputs/regex/timeout-00ae4e0ce2fe): a
    /// group repeated hundreds of times makes a program of thousands of instructions that repeat the
    /// same few byte tests; the DFA's byte classes are computed over the distinct tests only.
    func testLargeRepeatedGroupBuildsByteClassesFromDistinctTests() throws {
        let group = "b\u{FFFD}d_.m#c"
        let re = try CompiledRegex("(b\u{FFFD}d_.m#c){892}]a")
        let subject = String(repeating: "b\u{FFFD}d_xm#c", count: 892) + "]a"
        XCTAssertTrue(re.matches(subject))
        XCTAssertFalse(re.matches(String(repeating: "b\u{FFFD}d_xm#c", count: 891) + "]a"))
        XCTAssertFalse(re.matches(group))
        let ascii = try CompiledRegex("(bd_.m#c){892}]a")
        XCTAssertTrue(ascii.matches(String(repeating: "bd_Qm#c", count: 892) + "]a"))
        XCTAssertFalse(ascii.matches(String(repeating: "bd_Qm#c", count: 892) + "]b"))
    }
}
