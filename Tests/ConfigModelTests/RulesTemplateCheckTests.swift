import XCTest
import Diagnostics
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

    func testMalformedTemplatesAreReportedWithPositions() {
        let base = SourceLocation(file: "rules.yml", line: 10, column: 20)
        let cases: [(String, String, Int)] = [
            ("{{ $labels.job ", "unclosed action", 10),
            ("{{ $label.job }}", "undefined variable \"$label\"", 10),
            ("{{ humanise $value }}", "function \"humanise\" not defined", 10),
            ("{{ if true }}x", "unexpected EOF", 10),
            ("x{{ end }}", "unexpected {{end}}", 10),
            ("{{ else }}", "unexpected {{else}}", 10),
            ("a\nb {{ $nope }}", "undefined variable \"$nope\"", 11),
        ]
        for (text, fragment, line) in cases {
            let found = TemplateCheck.check(text, base: base)
            XCTAssertEqual(found.count, 1, text)
            XCTAssertTrue(found.first?.message.contains(fragment) ?? false, "\(text): \(found.map(\.message))")
            XCTAssertEqual(found.first?.location?.line, line, text)
            XCTAssertEqual(found.first?.location?.file, "rules.yml", text)
        }
    }
}
