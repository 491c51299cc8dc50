import Diagnostics
import XCTest
@testable import ConfigModel

final class TemplateParserTests: XCTestCase {
    private func parseError(_ text: String, functions: FunctionSet = BuiltinFunctions.set) -> TemplateError? {
        do {
            _ = try Template.parse(text, name: "x", functions: functions)
            return nil
        } catch {
            return error
        }
    }

    func testGoodTemplatesParse() {
        let good = [
            "", "plain text", "{{.}}", "{{ .A.B.C }}", "{{$x := .A}}{{$x.B}}", "{{ $ }}", "{{ $.A }}",
            "{{if .A}}a{{else if .B}}b{{else}}c{{end}}", "{{range $i, $v := .}}{{$i}}{{end}}",
            "{{range .}}{{break}}{{continue}}{{end}}", "{{with $x := .A}}{{$x}}{{else with .B}}{{end}}",
            "{{define \"a\"}}x{{end}}{{template \"a\" .}}{{template `a`}}", "{{block \"b\" .}}y{{end}}",
            "{{ (len .).Foo }}", "{{ index .M \"k\" | printf \"%v\" | len }}", "{{- /* comment */ -}}",
            "{{ 'a' }}{{ \"\\u00e9\\n\" }}{{ -1.5e3 }}{{ 0x1F }}{{ nil | print }}", "{{ $x := 1 }}{{ $x = 2 }}",
            "{{\n  .A\n}}",
        ]
        for text in good {
            XCTAssertNil(parseError(text), text)
        }
    }

    func testBadTemplatesGiveGoMessages() {
        let cases: [(String, String, Int)] = [
            ("{{ .A }", "unexpected \"}\" in operand", 1),
            ("{{ if .A }}x", "unexpected EOF", 1),
            ("{{ foo }}", "function \"foo\" not defined", 1),
            ("a\n\n{{ $x }}", "undefined variable \"$x\"", 3),
            ("{{ end }}", "unexpected {{end}}", 1),
            ("{{ else }}", "unexpected {{else}}", 1),
            ("{{ }}", "missing value for command", 1),
            ("{{ if }}{{ end }}", "missing value for if", 1),
            ("{{ .A", "unclosed action", 1),
            ("{{ \"abc }}", "unterminated quoted string", 1),
            ("{{ `abc }}", "unterminated raw quoted string", 1),
            ("{{ 3x }}", "bad number syntax: \"3x\"", 1),
            ("{{ break }}", "{{break}} outside {{range}}", 1),
            ("{{ continue }}", "{{continue}} outside {{range}}", 1),
            ("{{ .A | 3 }}", "non executable command in pipeline stage 2", 1),
            ("{{ template .A }}", "unexpected \".A\" in template clause", 1),
            ("{{ define \"a\" }}x", "unexpected EOF", 1),
            ("{{/* unclosed", "unclosed comment", 1),
            ("{{/* a */ x }}", "comment ends before closing delimiter", 1),
            ("{{ (1 }}", "unclosed left paren", 1),
            ("{{ 1) }}", "unexpected right paren", 1),
            ("{{ \"a\".B }}", "unexpected . after term \"\\\"a\\\"\"", 1),
            ("{{ range $a, $b, $c := . }}{{ end }}", "too many declarations in range", 1),
            ("{{ $x = 1 }}", "undefined variable \"$x\"", 1),
            ("{{ if 1 }}{{ else }}{{ else }}{{ end }}", "expected end; found {{else}}", 1),
            ("{{ .A:B }}", "expected :=", 1),
            ("{{ 'ab' }}", "malformed character constant: 'ab'", 1),
            ("{{ .A\u{1} }}", "bad character U+0001", 1),
            ("{{ # }}", "unexpected \"#\" in command", 1),
            ("{{ printf \"%d\" 1 }}{{ if 1 }}\n\n{{ end", "unclosed action", 3),
        ]
        for (text, message, line) in cases {
            guard let error = parseError(text) else {
                XCTFail("expected an error for \(text)")
                continue
            }
            XCTAssertEqual(error.message, message, text)
            XCTAssertEqual(error.line, line, text)
            XCTAssertEqual(error.phase, .parse)
        }
    }

    func testErrorDescriptionAndPositions() {
        let error = parseError("ok {{ .A }}\n  text {{ nope 1 }}")
        XCTAssertEqual(error?.description, "template: x:2: function \"nope\" not defined")
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.column, 11)
        let base = SourceLocation(file: "f.yml", line: 5, column: 7)
        XCTAssertEqual(error?.diagnostic(base: base).location, SourceLocation(file: "f.yml", line: 6, column: 11))
        let first = parseError("{{ .A }")
        XCTAssertEqual(first?.column, 7)
        XCTAssertEqual(first?.location(base: base), SourceLocation(file: "f.yml", line: 5, column: 13))
    }

    func testCustomFunctionsAreKnownAtParseTime() {
        let set = FunctionSet([TemplateFunction("double", arguments: 1) { args in
            guard case .int(let n) = args[0] else { throw TemplateRuntimeError("not an int") }
            return .int(n * 2)
        }])
        XCTAssertNotNil(parseError("{{ double 2 }}"))
        XCTAssertNil(parseError("{{ double 2 }}", functions: set))
        XCTAssertEqual(try Template.parse("{{ 21 | double }}", name: "x", functions: set).execute(data: nil), "42")
    }

    func testDepthLimit() {
        let deep = String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500)
        XCTAssertEqual(parseError("{{ \(deep) }}")?.message, "max expression depth exceeded")
        let nested = String(repeating: "{{if 1}}", count: 300) + String(repeating: "{{end}}", count: 300)
        XCTAssertEqual(parseError(nested)?.message, "max nesting depth exceeded")
    }
}
