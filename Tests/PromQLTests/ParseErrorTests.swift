import Diagnostics
import PromQL
import XCTest

/// Error messages and positions for bad input, checked against the messages Prometheus's parser gives
/// for the same input (its lexer/parser/checkAST texts). promtool 2.42 (`promtool check rules`) gives the same
/// text for all but the cases marked below, which 3.x changed: number lexing (`2.5.` → 2.42 says
/// `1:4: unexpected character: '.'`, `100..4` → `1:5: unexpected number ".4"`), `foo[5mm]` (2.42: `bad duration
/// syntax`), empty ranges and offsets (numbers and duration expressions are new), experimental functions
/// (2.42: `unknown function with name "limitk"`) and quoted UTF-8 names (2.42 rejects `{"a"}`).
final class ParseErrorTests: XCTestCase {
    /// (query, expected `line:col: parse error: message`).
    static let cases: [(String, String)] = [
        ("(", "1:2: parse error: unclosed left parenthesis"),
        ("1+", "1:3: parse error: unexpected end of input"),
        (".", "1:1: parse error: unexpected character: '.'"),
        ("2.5.", "1:1: parse error: bad number or duration syntax: \"2.5.\""),
        ("100..4", "1:1: parse error: bad number or duration syntax: \"100..\""),
        ("0deadbeef", "1:1: parse error: bad number or duration syntax: \"0de\""),
        ("1 /", "1:4: parse error: unexpected end of input"),
        ("*1", "1:1: parse error: unexpected <op:*>"),
        ("(1))", "1:5: parse error: unexpected right parenthesis ')'"),
        ("((1)", "1:5: parse error: unclosed left parenthesis"),
        ("1 and 1", "1:1: parse error: set operator \"and\" not allowed in binary scalar expression"),
        ("1 == 1", "1:3: parse error: comparisons between scalars must use BOOL modifier"),
        ("1 !~ 1", "1:3: parse error: unexpected character after '!': '~'"),
        ("1 =~ 1", "1:3: parse error: unexpected character after '=': '~'"),
        ("-\"string\"", "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"string\""),
        ("-test[5m]", "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"range vector\""),
        ("1 offset 1d", "1:1: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery"),
        ("foo offset 1s offset 2s", "1:1: parse error: offset may not be set multiple times"),
        ("a - on(b) ignoring(c) d", "1:11: parse error: unexpected <ignoring>"),
        ("{}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        ("{x=\"\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        ("foo{__name__=\"bar\"}", "1:1: parse error: metric name must not be set twice: \"foo\" or \"bar\""),
        ("sum(some_metric) by test", "1:21: parse error: unexpected identifier \"test\" in grouping opts, expected \"(\""),
        ("sum (some_metric) by (,test)", "1:23: parse error: unexpected \",\" in grouping opts, expected label"),
        ("sum some_metric by (test)", "1:5: parse error: unexpected identifier \"some_metric\""),
        ("topk(some_metric)", "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 1"),
        ("topk(some_metric, other_metric)", "1:6: parse error: expected type scalar in aggregation parameter, got instant vector"),
        ("count_values(5, other_metric)", "1:14: parse error: expected type string in aggregation parameter, got scalar"),
        ("floor()", "1:1: parse error: expected 1 argument(s) in call to \"floor\", got 0"),
        ("floor(1)", "1:7: parse error: expected type instant vector in call to function \"floor\", got scalar"),
        ("hour(a, b, c)", "1:1: parse error: expected at most 1 argument(s) in call to \"hour\", got 3"),
        ("time(some_metric)", "1:1: parse error: expected 0 argument(s) in call to \"time\", got 1"),
        ("non_existent_function_far_bar()", "1:1: parse error: unknown function with name \"non_existent_function_far_bar\""),
        ("rate(some_metric)", "1:6: parse error: expected type range vector in call to function \"rate\", got instant vector"),
        ("rate(some_metric[5m],)", "1:21: parse error: trailing commas not allowed in function call args"),
        ("(foo + bar)[5m]", "1:12: parse error: ranges only allowed for vector selectors"),
        ("foo offset 5m [1m]", "1:15: parse error: no offset modifiers allowed before range"),
        ("foo @ 100 [1m]", "1:11: parse error: no @ modifiers allowed before range"),
        ("foo[5mm]", "1:5: parse error: bad number or duration syntax: \"5mm\""),
        ("foo[0m]", "1:5: parse error: duration must be greater than 0"),
        // 2.42 says `unexpected "]" in subquery selector, expected duration` (no duration expressions then).
        ("foo[]", "1:5: parse error: unexpected \"]\" in subquery or range selector, expected number, duration, step(), or range()"),
        ("foo{a=\"b\"", "1:10: parse error: unexpected end of input inside braces"),
        ("foo{a=\"b\" c=\"d\"}", "1:11: parse error: unexpected identifier \"c\" in label matching, expected \",\" or \"}\""),
        ("foo{a}", "1:6: parse error: unexpected \"}\" in label matching, expected label matching operator"),
        ("foo{a=}", "1:7: parse error: unexpected \"}\" in label matching, expected string"),
        ("\"foo\" + \"bar\"", "1:1: parse error: binary expression must contain only scalar and instant vector types"),
        ("1 + on(foo) bar", "1:1: parse error: vector matching only allowed between instant vectors"),
        ("foo + bool bar", "1:5: parse error: bool modifier can only be used on comparison operators"),
        ("foo == bool on(a) group_left(a) bar", "1:5: parse error: label \"a\" must not occur in ON and GROUP clause at once"),
        ("foo and on(a) group_left bar", "1:1: parse error: no grouping allowed for \"and\" operation"),
        ("sum(foo) @ 100", "1:1: parse error: @ modifier must be preceded by an instant vector selector or range vector selector or a subquery"),
        ("foo @ start() @ end()", "1:1: parse error: @ <timestamp> may not be set multiple times"),
        ("foo @ bar", "1:7: parse error: unexpected identifier \"bar\" in @, expected timestamp"),
        // 2.42 says `expected duration` (numbers as offsets came with 3.0).
        ("foo[5m] offset", "1:15: parse error: unexpected end of input in offset, expected number, duration, step(), or range()"),
        ("\"unterminated", "1:1: parse error: unterminated quoted string"),
        ("'a\\qb'", "1:1: parse error: unknown escape sequence U+0071 'q'"),
        ("`raw", "1:1: parse error: unterminated raw string"),
        ("sum without (a) (foo) by (b)", "1:23: parse error: unexpected <by>"),
        ("limitk(1, foo)", "1:1: parse error: limitk() is experimental and must be enabled with --enable-feature=promql-experimental-functions"),
        ("mad_over_time(foo[5m])", "1:1: parse error: function \"mad_over_time\" is not enabled"),
        ("abs(foo[5m:1m])", "1:5: parse error: expected type instant vector in call to function \"abs\", got range vector"),
        ("label_replace(foo, \"a\", \"b\", \"c\")", "1:1: parse error: expected 5 argument(s) in call to \"label_replace\", got 4"),
        ("1 $ 2", "1:3: parse error: unexpected character: '$'"),
        ("é", "1:1: parse error: unexpected character: 'é'"),
        ("", "1:1: parse error: no expression found in input"),
        ("foo{a=~\"x\"} ^ [1m]", "1:15: parse error: unexpected \"[\""),
        ("sum(foo bar)", "1:9: parse error: unexpected identifier \"bar\" in aggregation"),
        ("foo[5m:1m] @ 1e30", "1:1: parse error: timestamp out of bounds for @ modifier: 1000000000000000019884624838656.000000"),
        ("foo{\"a\"=\"b\", \"a\"}", "1:1: parse error: metric name must not be set twice: \"foo\" or \"a\""),
    ]

    func testMessagesAndPositions() {
        XCTAssertGreaterThanOrEqual(Self.cases.count, 40)
        let parser = Parser()
        for (query, expected) in Self.cases {
            XCTAssertThrowsError(try parser.parseExpr(query), query) { error in
                XCTAssertEqual("\(error)", expected, "query: \(query)")
            }
        }
    }

    func testMultiLinePositions() {
        let query = "sum(\n  rate(foo[5m])\n) by (job)\n  + bar{a=~\"x\"} offset"
        XCTAssertThrowsError(try Parser().parseExpr(query)) { error in
            XCTAssertEqual("\(error)", "4:23: parse error: unexpected end of input in offset, expected number, duration, step(), or range()")
        }
        XCTAssertThrowsError(try Parser().parseExpr("foo +\n\n  (1 == 1)")) { error in
            XCTAssertEqual("\(error)", "3:6: parse error: comparisons between scalars must use BOOL modifier")
        }
    }

    func testAllTypeErrorsAreCollectedFirstFirst() throws {
        do {
            _ = try Parser().parseExpr("floor(1) + rate(x)")
            XCTFail("should fail")
        } catch let errors as ParseErrors {
            XCTAssertEqual(errors.issues.map(\.message), [
                "expected type instant vector in call to function \"floor\", got scalar",
                "expected type range vector in call to function \"rate\", got instant vector",
            ])
            XCTAssertEqual(errors.issues.map(\.column), [7, 17])
        }
    }

    func testDiagnosticsAreShiftedToTheEmbeddingFile() throws {
        do {
            _ = try Parser().parseExpr("sum(x)\n  + floor(1)")
            XCTFail("should fail")
        } catch let errors as ParseErrors {
            let base = SourceLocation(file: "rules.yml", line: 10, column: 15)
            let diagnostics = errors.diagnostics(file: "rules.yml", base: base, continuationIndent: 8)
            XCTAssertEqual(diagnostics.count, 1)
            XCTAssertEqual(diagnostics[0].code, "promql/parse-error")
            XCTAssertEqual(diagnostics[0].location, SourceLocation(file: "rules.yml", line: 11, column: 19))
        }
        do {
            _ = try Parser().parseExpr("x{a=\"é\"} + floor(1)")
            XCTFail("should fail")
        } catch let errors as ParseErrors {
            let d = errors.diagnostics(file: "f", base: SourceLocation(file: "f", line: 3, column: 9))
            // Byte column 19 for Prometheus, scalar column 18 for editors.
            XCTAssertEqual(errors.issues.first?.column, 19)
            XCTAssertEqual(d.first?.location, SourceLocation(file: "f", line: 3, column: 9 + 18 - 1))
        }
    }

    func testMisplacedGroupingInsideAggregationGetsAHint() throws {
        for (query, word, column) in [("sum(rate(x[5m]) by (le)", "by", 17), ("max(rate(x[5m] without (a)))", "without", 16)] {
            do {
                _ = try Parser().parseExpr(query)
                XCTFail("\(query) should fail")
            } catch let errors as ParseErrors {
                // Prometheus's message is kept as is; the hint is a note.
                XCTAssertEqual(errors.description, "1:\(column): parse error: unexpected <\(word)> in aggregation")
                let d = try XCTUnwrap(errors.diagnostics(file: "q").first)
                XCTAssertEqual(d.message, "unexpected <\(word)> in aggregation")
                XCTAssertEqual(d.notes.count, 1)
                XCTAssertTrue(d.notes.first?.message.hasPrefix("a `)` may be missing before `\(word)`") ?? false, "\(d.notes)")
            }
        }
        // A `by` misplaced outside any aggregation gets no such hint.
        do {
            _ = try Parser().parseExpr("sum without (a) (foo) by (b)")
            XCTFail("should fail")
        } catch let errors as ParseErrors {
            XCTAssertEqual(errors.issues.first?.hints, [])
        }
    }
}
