import XCTest
@testable import RE2

/// Patterns that make backtracking engines exponential must complete (the VM is linear).
/// These check results on large inputs; they are not timing assertions.
final class PathologicalPatternTests: XCTestCase {
    private let manyA = String(repeating: "a", count: 10_000)

    func testNestedStarsOnLongInput() throws {
        XCTAssertFalse(try CompiledRegex("(a*)*b").matches(manyA))
        XCTAssertFalse(try CompiledRegex("(a|a)*c").matches(manyA))
        XCTAssertFalse(try CompiledRegex("(a|aa)+$x").matches(manyA))
        XCTAssertFalse(try CompiledRegex("(a*)*b", anchored: false).matches(manyA))
        XCTAssertTrue(try CompiledRegex("(a*)*").matches(manyA))
        XCTAssertTrue(try CompiledRegex("(a|a)*").matches(manyA))
    }

    func testClassicExponentialCase() throws {
        let n = 30
        let pattern = String(repeating: "a?", count: n) + String(repeating: "a", count: n)
        XCTAssertTrue(try CompiledRegex(pattern).matches(String(repeating: "a", count: n)))
        XCTAssertTrue(try CompiledRegex("(a?){30}a{30}").matches(String(repeating: "a", count: 30)))
    }

    func testCapturesOnLongInput() throws {
        let re = try CompiledRegex("(x+x+)+y", anchored: false)
        XCTAssertNil(re.firstMatch(in: String(repeating: "x", count: 5_000)))
        let m = try XCTUnwrap(try CompiledRegex("(a+)(b?)", anchored: false).firstMatch(in: manyA + "b"))
        XCTAssertEqual(m[1]?.count, 10_000)
        XCTAssertEqual(m[2], "b")
    }

    func testReplaceAllOnLongInput() throws {
        let out = try CompiledRegex("a", anchored: false).replaceAll(in: manyA, with: "bb")
        XCTAssertEqual(out.utf8.count, 20_000)
    }

    func testHugeRepeatCountsRejected() {
        for pattern in ["a{1001}", "a{100000}", "a{99999999999999999999}", "(a{1000}){2}", "((a{2}){2}){251}"] {
            XCTAssertThrowsError(try CompiledRegex(pattern), pattern)
        }
    }
}

/// Deeply nested patterns stay within a small thread stack (512 KiB, as on Darwin's secondary
/// threads), even in debug builds.
final class SmallStackTests: XCTestCase {
    private final class Job: @unchecked Sendable {
        let pattern: String
        var matched = false
        init(_ pattern: String) { self.pattern = pattern }
    }

    func testDeepNestingOnSmallStack() throws {
        let depth = RegexParser.maxNesting
        let shapes = [
            String(repeating: "(a|", count: depth) + "b" + String(repeating: ")*", count: depth),
            String(repeating: "(?:x(", count: depth / 2) + "b" + String(repeating: ")+)?", count: depth / 2),
        ]
        for pattern in shapes {
            let job = Job(pattern)
            var attr = pthread_attr_t()
            pthread_attr_init(&attr)
            pthread_attr_setstacksize(&attr, 512 * 1024)
            var tid = pthread_t()
            let rc = pthread_create(&tid, &attr, { raw in
                guard let raw else { return nil }
                let job = Unmanaged<Job>.fromOpaque(raw).takeRetainedValue()
                if let re = try? CompiledRegex(job.pattern) {
                    job.matched = re.firstMatch(in: "ab") != nil || re.firstMatch(in: "") != nil
                }
                return nil
            }, Unmanaged.passRetained(job).toOpaque())
            XCTAssertEqual(rc, 0)
            pthread_join(tid, nil)
            XCTAssertTrue(job.matched, pattern)
        }
    }
}
