import PromModel
import PromQL
import XCTest
@testable import Runtime

final class PromQLTestParserTests: XCTestCase {
    private func parse(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> PromQLTestScript? {
        do {
            return try PromQLTestParser().parse(text, file: "t.test")
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return nil
        }
    }

    private func parseError(_ text: String, maxValues: Int = 10_000_000) -> PromQLTestError? {
        do {
            _ = try PromQLTestParser(maxExpandedValues: maxValues).parse(text, file: "t.test")
            XCTFail("expected an error for:\n\(text)")
            return nil
        } catch let e as PromQLTestError {
            return e
        } catch {
            XCTFail("unexpected error type \(error)")
            return nil
        }
    }

    // MARK: - Commands

    func testLoadClearAndEvalInstant() throws {
        let script = parse("""
        # comment
        load 1m
            up{job="a"} 1+1x2 _ stale
          # a comment ends the block
        clear
        load_with_nhcb 10s53ms
            h_bucket{le="1"} 1

        eval instant at 1h30m sum(up)
            expect ordered
            expect info msg: PromQL info: something (1:1)
            expect warn regex: warn.*
            {} 3
        """)
        guard let commands = script?.commands, commands.count == 4 else { return XCTFail("\(String(describing: script))") }
        guard case .load(let load) = commands[0], case .clear(let clearLine) = commands[1],
              case .load(let nhcb) = commands[2], case .eval(let eval) = commands[3] else { return XCTFail("kinds") }
        XCTAssertEqual(load.line, 2)
        XCTAssertEqual(load.step, 60_000)
        XCTAssertEqual(load.series.first?.values, [.float(1), .float(2), .float(3), .omitted, .stale])
        XCTAssertEqual(load.series.first?.line, 3)
        XCTAssertEqual(clearLine, 5)
        XCTAssertTrue(nhcb.withNHCB)
        XCTAssertEqual(nhcb.step, 10_053)
        XCTAssertEqual(eval.line, 9)
        XCTAssertEqual(eval.mode, .instant(at: 5_400_000))
        XCTAssertEqual(eval.exprText, "sum(up)")
        XCTAssertEqual(eval.exprColumn, 23)
        XCTAssertTrue(eval.ordered)
        XCTAssertFalse(eval.noWarn)
        XCTAssertEqual(eval.infos.count, 1)
        XCTAssertTrue(eval.infos[0].matches("PromQL info: something (1:1)"))
        XCTAssertFalse(eval.infos[0].matches("PromQL info: something (1:2)"))
        XCTAssertTrue(eval.warnings[0].matches("a warning here"))
        XCTAssertEqual(eval.expectedSeries.first?.labels, .empty)
        XCTAssertEqual(eval.expectedSeries.first?.values, [.float(3)])
    }

    func testEvalRangeAndExpectations() {
        let script = try? PromQLTestParser().parse("""
        eval range from 0 to 10m step 1m rate(x[5m])
            expect fail regex: bad (thing|stuff)
            x{a="b"} 1 _ 3

        eval instant at 0 x[5m]
            expect range vector from 0 to 5m step 1m
            x 1 2 3

        eval instant at 1m "hello"
            expect string "Hel\\"lo"

        eval instant at 1m 1 + 1
            2
            this line is after the scalar and starts a new command

        """, file: "t")
        XCTAssertNil(script, "the line after a scalar is a command and must be rejected")
        let good = parse("""
        eval range from 0 to 10m step 1m rate(x[5m])
            expect fail regex: bad (thing|stuff)
            x{a="b"} 1 _ 3

        eval instant at 0 x[5m]
            expect range vector from 0 to 5m step 1m
            x 1 2 3

        eval instant at 1m "hello"
            expect string `Hel"lo`

        eval_ordered instant at 1m sort(x)

        eval_fail instant at 1m y
            expected_fail_message some text

        eval_warn instant at 1m z

        eval_info instant at 1m -1
          -1
        """)
        guard let evals = good?.evals, evals.count == 7 else { return XCTFail("\(String(describing: good?.evals.count))") }
        XCTAssertEqual(evals[0].mode, .range(start: 0, end: 600_000, step: 60_000))
        XCTAssertTrue(evals[0].fail?.matches("a bad stuff happened") == true)
        XCTAssertEqual(evals[0].expectedSeries.first?.values, [.float(1), .omitted, .float(3)])
        XCTAssertEqual(evals[1].rangeVector, .init(start: 0, end: 300_000, step: 60_000))
        XCTAssertEqual(evals[2].expectedString, "Hel\"lo")
        XCTAssertTrue(evals[3].ordered)
        XCTAssertTrue(evals[4].fail?.matches("some text") == true)
        XCTAssertFalse(evals[4].fail?.matches("some text!") == true)
        XCTAssertTrue(evals[5].requireWarning)
        XCTAssertTrue(evals[6].requireInfo)
        XCTAssertEqual(evals[6].expectedScalar, -1)
    }

    // MARK: - Errors

    func testErrorsHaveFileLineAndColumn() {
        let table: [(String, Int, Int, String)] = [
            ("lod 1m", 1, 1, "invalid command"),
            ("load", 1, 1, "invalid load"),
            ("load 1x", 1, 6, "invalid step"),
            ("load 1m\n  m 1 2 foo", 2, 9, "unexpected identifier"),
            ("eval instant at 1m sum(", 1, 24, "could not parse expression"),
            ("eval instant at 1q up", 1, 17, "invalid evaluation time"),
            ("eval instant up", 1, 6, "invalid instant eval"),
            ("eval range from 5m to 1m step 1m up", 1, 23, "before start"),
            ("eval sideways at 1m up", 1, 6, "expected \"instant\" or \"range\""),
            ("eval instant at 1m up\n  expect maybe", 2, 10, "invalid expect type"),
            ("eval instant at 1m up\n  expect warn\n  expect no_warn", 1, 1, "cannot both"),
            ("eval instant at 1m up\n  expect fail\n  expect fail", 3, 3, "only one expect fail"),
            ("eval instant at 1m up\n  expect warn regex: (", 2, 15, "invalid regular expression"),
            ("eval instant at 1m up\n  expect ordered msg: x", 2, 10, "takes no message"),
            ("eval instant at 1m up\n  up 1 2", 2, 1, "multiple values in instant evaluation"),
            ("eval range from 0 to 1m step 1m up\n  expect ordered", 2, 3, "only allowed for instant"),
            ("eval instant at 1m up\n  expected_fail_message x", 2, 3, "only allowed after eval_fail"),
            ("eval instant at 1m up\n  expect string nope", 2, 10, "quoted string"),
            ("clear now", 1, 6, "unexpected text"),
        ]
        for (text, line, column, fragment) in table {
            guard let e = parseError(text) else { continue }
            XCTAssertEqual(e.location.line, line, "\(text): \(e)")
            XCTAssertEqual(e.location.column, column, "\(text): \(e)")
            XCTAssertEqual(e.location.file, "t.test")
            XCTAssertTrue(e.message.contains(fragment), "\(text): \(e.message)")
            XCTAssertTrue(e.description.hasPrefix("t.test:\(line):\(column): error: [promql-test/"), e.description)
        }
    }

    func testExpansionBudgetCoversTheWholeScript() {
        let script = "load 1m\n  a 1x5\n  b 1x5\n"
        XCTAssertNotNil(try? PromQLTestParser(maxExpandedValues: 12).parse(script, file: "t"))
        let e = parseError(script, maxValues: 10)
        XCTAssertEqual(e?.location.line, 3)
        let huge = parseError("load 1m\n  a 1x1000000000\n")
        XCTAssertTrue(huge?.message.contains("limit") == true, "\(String(describing: huge))")
    }

    func testExhaustedBudgetSaysTheRealLimit() {
        for second in ["b 1x3", "b 1 2 3"] {
            let e = parseError("load 1m\n  a 1x9\n  \(second)\n", maxValues: 10)
            XCTAssertEqual(e?.location.line, 3)
            let message = e?.message ?? ""
            XCTAssertTrue(message.contains("limit of 10 values"), message)
            XCTAssertTrue(message.contains("10 used by earlier series, 0 left"), message)
            XCTAssertFalse(message.contains("more than 0"), message)
        }
    }

    func testStartTimestampLinesAreRecognised() {
        let script = parse("load 1m\n  m{a=\"b\"}@st _ -30s-1mx2\n  m{a=\"b\"} 1 2 3\n")
        guard case .load(let load)? = script?.commands.first else { return XCTFail("no load") }
        XCTAssertEqual(load.startTimestampLines, 1)
        XCTAssertEqual(load.series.count, 1)
    }
}

// MARK: - Start timestamps

extension PromQLTestParserTests {
    func testStartTimestampItemsExpand() {
        XCTAssertEqual(PromQLTestParseState.startOffsetItem("-30s-1mx2"), [-30_000, -90_000, -150_000])
        XCTAssertEqual(PromQLTestParseState.startOffsetItem("0-1mx1"), [0, -60_000])
        XCTAssertEqual(PromQLTestParseState.startOffsetItem("1ms+1sx1"), [1, 1_001])
        XCTAssertEqual(PromQLTestParseState.startOffsetItem("-1mx2"), [-60_000, -60_000, -60_000])
        XCTAssertEqual(PromQLTestParseState.startOffsetItem("+1m"), [60_000])
        XCTAssertEqual(PromQLTestParseState.startOffsetItem("-0ms"), [0])
        XCTAssertEqual(PromQLTestParseState.startOffsetItem("_x2"), [nil, nil])
        XCTAssertNil(PromQLTestParseState.startOffsetItem("abc"))
        XCTAssertNil(PromQLTestParseState.startOffsetItem("1m-1m"))
    }

    func testStartTimestampLineAttachesToItsSeries() {
        let script = parse("load 1m\n  m{a=\"b\"}@st _ -30s-1mx1\n  m{a=\"b\"} 1 2 3\n  m{a=\"c\"} 1\n")
        guard case .load(let load)? = script?.commands.first else { return XCTFail("no load") }
        XCTAssertEqual(load.series.first?.startOffsets, [nil, -30_000, -90_000])
        XCTAssertNil(load.series.last?.startOffsets)
    }

    func testBadStartTimestampItemIsAnError() {
        let e = parseError("load 1m\n  m@st 1m zz\n  m 1 2\n")
        XCTAssertEqual(e?.location.column, 11)
    }
}
