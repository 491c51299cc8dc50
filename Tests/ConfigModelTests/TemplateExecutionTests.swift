import XCTest
@testable import ConfigModel

final class TemplateExecutionTests: XCTestCase {
    private func render(_ text: String, _ data: TemplateValue = nil,
                        options: TemplateExecutionOptions = TemplateExecutionOptions(),
                        file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            return try Template.parse(text, name: "t").execute(data: data, options: options)
        } catch {
            XCTFail("\(text): \(error)", file: file, line: line)
            return ""
        }
    }

    private func executionError(_ text: String, _ data: TemplateValue = nil,
                                options: TemplateExecutionOptions = TemplateExecutionOptions()) -> TemplateError? {
        do {
            _ = try Template.parse(text, name: "t").execute(data: data, options: options)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Tables

    func testPipelinesAndLiterals() {
        let data: TemplateValue = ["Name": "world", "N": 3, "F": 2.5, "L": ["a", "b"], "Empty": ""]
        let cases: [(String, String)] = [
            ("hello {{.Name}}", "hello world"),
            ("{{.Name | printf \"%s!\"}}", "world!"),
            ("{{\"x\" | printf \"%s-%s\" .Name}}", "world-x"),
            ("{{3}} {{1.5}} {{1e3}} {{0x1F}} {{'a'}} {{true}} {{`raw\\n`}}", "3 1.5 1000 31 97 true raw\\n"),
            ("{{.N}} {{.F}}", "3 2.5"),
            ("{{.Missing}}", "<no value>"),
            ("{{.L}}", "[a b]"),
            ("{{len .L}} {{index .L 1}} {{slice .Name 1 3}}", "2 b or"),
            ("{{(printf \"%d\" .N)}}", "3"),
            ("{{print 1 2 \"a\" 3}}", "1 2a3"),
            ("{{println 1 \"a\"}}", "1 a\n"),
            ("{{and 1 0 2}} {{or 0 \"\" \"x\"}} {{not .Empty}}", "0 x true"),
            ("{{html \"<a href='x'>&</a>\"}}", "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;"),
            ("{{js \"it's <b>\"}}", "it\\'s \\u003Cb\\u003E"),
            ("{{urlquery \"a b&c\"}}", "a+b%26c"),
            ("{{eq 1 2 3 1}} {{ne \"a\" \"b\"}} {{lt 1 2}} {{le 2 2}} {{gt 2.5 1.5}} {{ge \"a\" \"b\"}}", "true true true true true false"),
        ]
        for (text, want) in cases {
            XCTAssertEqual(render(text, data), want, text)
        }
    }

    func testVariablesAndScoping() {
        let data: TemplateValue = ["A": 1, "Items": ["x", "y"]]
        XCTAssertEqual(render("{{$x := 5}}{{$x}}", data), "5")
        XCTAssertEqual(render("{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}", data), "2")
        XCTAssertEqual(render("{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}}", data), "21")
        XCTAssertEqual(render("{{with .A}}{{$.A}}{{.}}{{end}}", data), "11")
        XCTAssertEqual(render("{{range $i, $v := .Items}}{{$i}}={{$v}};{{end}}", data), "0=x;1=y;")
        XCTAssertEqual(render("{{range $v := .Items}}{{$v}}{{end}}", data), "xy")
        XCTAssertEqual(render("{{$n := 0}}{{range .Items}}{{$n = .}}{{end}}{{$n}}", data), "y")
    }

    func testRangeOverMapIsSortedByKey() {
        let data: TemplateValue = ["M": ["zeta": 1, "alpha": 2, "mid": 3]]
        XCTAssertEqual(render("{{range $k, $v := .M}}{{$k}}:{{$v}} {{end}}", data), "alpha:2 mid:3 zeta:1 ")
        XCTAssertEqual(render("{{range .M}}{{.}}{{end}}", data), "231")
        XCTAssertEqual(render("{{.M}}", data), "map[alpha:2 mid:3 zeta:1]")
    }

    func testRangeElseBreakContinueAndInt() {
        XCTAssertEqual(render("{{range .}}x{{else}}empty{{end}}", []), "empty")
        XCTAssertEqual(render("{{range .}}x{{else}}empty{{end}}", nil), "empty")
        XCTAssertEqual(render("{{range .}}{{if eq . 3}}{{break}}{{end}}{{.}}{{end}}", [1, 2, 3, 4]), "12")
        XCTAssertEqual(render("{{range .}}{{if eq . 2}}{{continue}}{{end}}{{.}}{{end}}", [1, 2, 3]), "13")
        XCTAssertEqual(render("{{range 3}}{{.}}{{end}}", nil), "012")
    }

    func testElseIfChains() {
        let t = "{{if eq . 1}}one{{else if eq . 2}}two{{else if eq . 3}}three{{else}}many{{end}}"
        XCTAssertEqual(render(t, 1), "one")
        XCTAssertEqual(render(t, 2), "two")
        XCTAssertEqual(render(t, 3), "three")
        XCTAssertEqual(render(t, 9), "many")
        XCTAssertEqual(render("{{with .A}}a{{else with .B}}{{.}}{{else}}none{{end}}", ["B": "b"]), "b")
        XCTAssertEqual(render("{{with .A}}a{{else}}none{{end}}", ["A": ""]), "none")
    }

    func testTrimMarkersAndComments() {
        XCTAssertEqual(render("a  {{- 1 -}}  b"), "a1b")
        XCTAssertEqual(render("a\n  {{- /* note */ -}}\n  b"), "ab")
        XCTAssertEqual(render("a {{/* c */}} b"), "a  b")
        XCTAssertEqual(render("{{-3}}"), "-3")
        XCTAssertEqual(render("x\n{{- range .}}\n  {{.}}\n{{- end}}\n", [1, 2]), "x\n  1\n  2\n")
    }

    func testDefineTemplateBlock() throws {
        let text = """
        {{define "item"}}<{{.}}>{{end}}{{range .}}{{template "item" .}}{{end}}|{{block "tail" .}}{{len .}}{{end}}
        """
        XCTAssertEqual(render(text, ["a", "b"]), "<a><b>|2")
        let t = try Template.parse("{{template \"x\" .}}", name: "main").adding("{{define \"x\"}}X{{.}}{{end}}", name: "other")
        XCTAssertEqual(try t.execute(data: 1), "X1")
        XCTAssertEqual(try t.execute(templateNamed: "x", data: 2), "X2")
        XCTAssertTrue(t.templateNames.contains("x"))
    }

    func testMissingKeyOptions() {
        let data: TemplateValue = ["Labels": .stringMap(["job": "node"])]
        XCTAssertEqual(render("[{{.Labels.instance}}]", data), "[<no value>]")
        XCTAssertEqual(render("[{{.Labels.instance}}]", data, options: TemplateExecutionOptions(missingKey: .zero)), "[]")
        XCTAssertEqual(render("[{{index .Labels \"instance\"}}]", data), "[]")
        let e = executionError("{{.Labels.instance}}", data, options: TemplateExecutionOptions(missingKey: .error))
        XCTAssertEqual(e?.message, "map has no entry for key \"instance\"")
    }

    // MARK: - Errors

    func testExecutionErrorsLikeGo() {
        XCTAssertEqual(executionError("{{.A.B}}", ["A": 1])?.message, "can't evaluate field B in type int")
        XCTAssertEqual(executionError("{{lt 1 1.5}}")?.message, "error calling lt: incompatible types for comparison")
        XCTAssertEqual(executionError("{{index . 5}}", [1])?.message, "error calling index: index out of range: 5")
        XCTAssertEqual(executionError("{{len 3}}")?.message, "error calling len: len of type int")
        XCTAssertEqual(executionError("{{nil}}")?.message, "nil is not a command")
        XCTAssertEqual(executionError("{{printf 3}}")?.message, "wrong type for value; expected string; got int")
        XCTAssertEqual(executionError("{{not 1 2}}")?.message, "wrong number of args for not: want 1 got 2")
        XCTAssertEqual(executionError("{{template \"nope\"}}")?.message,
                       "template: no template \"nope\" associated with template \"t\"")
        let e = executionError("line1\n  {{.A.B}}", ["A": "s"])
        XCTAssertEqual(e?.line, 2)
        XCTAssertEqual(e?.column, 5)
        XCTAssertEqual(e?.description, "template: t:2:5: executing \"t\" at <.A.B>: can't evaluate field B in type string")
    }

    // MARK: - Limits

    func testRecursiveTemplateEndsInError() {
        let e = executionError("{{define \"r\"}}{{template \"r\" .}}{{end}}{{template \"r\" .}}")
        XCTAssertEqual(e?.message, "exceeded maximum template depth (100)")
    }

    func testHugeOutputEndsInError() {
        let text = "{{define \"d\"}}{{range 1000}}xxxxxxxxxxxxxxxxxxxx{{end}}{{end}}{{range 1000}}{{template \"d\"}}{{end}}"
        let e = executionError(text, nil, options: TemplateExecutionOptions(maxOutputBytes: 100_000))
        XCTAssertEqual(e?.message, "template output exceeds 100000 bytes")
    }

    func testStepLimitStopsLongLoops() {
        let e = executionError("{{range 100000}}{{range 100000}}{{end}}{{end}}", nil,
                               options: TemplateExecutionOptions(maxSteps: 50_000))
        XCTAssertEqual(e?.message, "template execution exceeded 50000 steps")
    }
}
