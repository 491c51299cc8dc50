import XCTest
@testable import RE2

/// The literal fast paths are taken where expected and agree with the VM.
final class LiteralMatcherTests: XCTestCase {
    func testFastPathSelection() throws {
        let fast = ["foo", "api|web|db", "foo.*", ".*foo", ".*foo.*", ".*", ".+", "(?i)error", "(api|web)", "(?i)a|b", ""]
        for pattern in fast {
            XCTAssertTrue(try CompiledRegex(pattern).usesFastPath, pattern)
        }
        let slow = ["5..", "a+", "(?-s:.*)", "foo|b.r", "(?i)é", "a(?i)b", "^foo$", "\\bfoo"]
        for pattern in slow {
            XCTAssertFalse(try CompiledRegex(pattern).usesFastPath, pattern)
        }
    }

    func testFastPathAgreesWithVM() throws {
        let patterns = ["foo", "api|web|db", "foo.*", ".*foo", ".*foo.*", ".*", ".+", "(?i)error", "(?i)ok|k", "a|", "(x|xy)"]
        let inputs = ["", "foo", "foobar", "barfoo", "xfoox", "api", "web", "db", "dba", "ERROR", "eRrOr", "errors",
                      "\n", "a", "ok", "O\u{212A}", "\u{212A}", "x", "xy", "föo", "fooé"]
        for pattern in patterns {
            for anchored in [true, false] {
                let re = try CompiledRegex(pattern, anchored: anchored)
                // A pattern the analyzer cannot see through (a capture around an empty-width assertion
                // that always holds here) forces the VM.
                let vm = try CompiledRegex("(?:\\B|\\b)(?:\(pattern))", anchored: anchored)
                XCTAssertFalse(vm.usesFastPath)
                for input in inputs {
                    XCTAssertEqual(re.matches(input), vm.matches(input), "\(pattern) anchored=\(anchored) on \(input)")
                }
            }
        }
    }

    func testRequiredPrefixShortCircuit() throws {
        let re = try CompiledRegex("/api/v[0-9]+/.*")
        XCTAssertFalse(re.usesFastPath)
        XCTAssertTrue(re.matches("/api/v2/x"))
        XCTAssertFalse(re.matches("/ap"))
        XCTAssertFalse(re.matches("/apx/v2/x"))
    }
}
