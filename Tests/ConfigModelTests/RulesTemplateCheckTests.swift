import XCTest
@testable import ConfigModel

final class RulesTemplateCheckTests: XCTestCase {
    func testWellFormedTemplates() {
        for text in ["plain text", "{{ $labels.job }} is down", "{{ $value | humanizePercentage }}",
                     "{{ if gt $value 1.0 }}high{{ else }}low{{ end }}",
                     "{{ range $k, $v := $labels }}{{ $k }}={{ $v }}{{ end }}",
                     "{{- $x := 1 -}}{{ $x }}", "{{ printf \"%.2f}}\" $value }}", "{{/* a comment */}}",
                     "{{ with query \"up\" }}{{ . | first | value }}{{ end }}", "}} alone is text",
                     "{{ $externalLabels.cluster }} {{ $externalURL }}", "{{ .Labels.job }} {{ .Value }}"] {
            XCTAssertEqual(TemplateCheck.check(text), [], text)
        }
    }

    func testMalformedTemplates() {
        XCTAssertEqual(TemplateCheck.check("{{ $labels.job "), ["1: unclosed action"])
        XCTAssertEqual(TemplateCheck.check("{{ $label.job }}"), ["1: undefined variable \"$label\""])
        XCTAssertEqual(TemplateCheck.check("{{ humanise $value }}"), ["1: function \"humanise\" not defined"])
        XCTAssertEqual(TemplateCheck.check("{{ if true }}x"), ["1: unexpected EOF (unclosed {{if}})"])
        XCTAssertEqual(TemplateCheck.check("x{{ end }}"), ["1: unexpected {{end}}"])
        XCTAssertEqual(TemplateCheck.check("{{ else }}"), ["1: unexpected {{else}}"])
        XCTAssertEqual(TemplateCheck.check("{{ }}"), ["1: missing value for command"])
        XCTAssertEqual(TemplateCheck.check("a\nb {{ $nope }}"), ["2: undefined variable \"$nope\""])
    }

    func testTokenizer() {
        XCTAssertEqual(TemplateTokens.split("$x := printf \"a b\" (len .X) | y"),
                       ["$x", ":=", "printf", "\"a b\"", "(", "len", ".X", ")", "|", "y"])
    }
}
