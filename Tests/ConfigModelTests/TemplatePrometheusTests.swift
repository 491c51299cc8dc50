import Diagnostics
import XCTest
@testable import ConfigModel

final class TemplatePrometheusTests: XCTestCase {
    private func expand(_ text: String, labels: [String: String] = ["job": "node", "instance": "host.example.com:9100"],
                        value: Double = 0, query: PrometheusTemplates.QueryFunction? = nil,
                        file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            return try PrometheusTemplates.expandAlertField(text, labels: labels, externalLabels: ["cluster": "lab"],
                                                            externalURL: "http://prom.example:9090/prefix", value: value,
                                                            query: query)
        } catch {
            XCTFail("\(text): \(error)", file: file, line: line)
            return ""
        }
    }

    // MARK: - humanize* (outputs known from Prometheus)

    func testHumanizeTable() {
        let cases: [(Double, String)] = [
            (0, "0"), (1, "1"), (1234567, "1.235M"), (0.12, "120m"), (1000, "1k"), (999, "999"),
            (-1234, "-1.234k"), (0.000001, "1u"), (1e27, "1000Y"), (1e28, "1e+04Y"), (.nan, "NaN"), (.infinity, "+Inf"), (-.infinity, "-Inf"),
            (12.5, "12.5"), (123456, "123.5k"),
        ]
        for (input, want) in cases {
            XCTAssertEqual(PrometheusHumanize.humanize(input), want, "humanize \(input)")
        }
    }

    func testHumanize1024Table() {
        let cases: [(Double, String)] = [(0, "0"), (1, "1"), (1048576, "1Mi"), (0.12, "0.12"), (1536, "1.5ki"), (-2048, "-2ki")]
        for (input, want) in cases {
            XCTAssertEqual(PrometheusHumanize.humanize1024(input), want, "humanize1024 \(input)")
        }
    }

    func testHumanizeDurationTable() {
        let cases: [(Double, String)] = [
            (0, "0s"), (1, "1s"), (60, "1m 0s"), (90, "1m 30s"), (3600, "1h 0m 0s"), (86400, "1d 0h 0m 0s"),
            (86400 + 3600, "1d 1h 0m 0s"), (-(86400 * 2 + 3600 * 3 + 60 * 4 + 5), "-2d 3h 4m 5s"), (899.99, "14m 59s"),
            (0.1, "100ms"), (0.0001, "100us"), (0.12345, "123.5ms"), (60.1, "1m 0s"), (1.2345, "1.234s"), (.nan, "NaN"),
        ]
        for (input, want) in cases {
            XCTAssertEqual(PrometheusHumanize.humanizeDuration(input), want, "humanizeDuration \(input)")
        }
    }

    func testHumanizePercentageAndTimestamp() throws {
        XCTAssertEqual(PrometheusHumanize.humanizePercentage(0.2), "20%")
        XCTAssertEqual(PrometheusHumanize.humanizePercentage(0.1234567), "12.35%")
        XCTAssertEqual(PrometheusHumanize.humanizePercentage(1.5), "150%")
        XCTAssertEqual(PrometheusHumanize.humanizePercentage(0), "0%")
        XCTAssertEqual(try PrometheusHumanize.humanizeTimestamp(1435065584.128), "2015-06-23 13:19:44.128 +0000 UTC")
        XCTAssertEqual(try PrometheusHumanize.humanizeTimestamp(0), "1970-01-01 00:00:00 +0000 UTC")
        XCTAssertEqual(try PrometheusHumanize.humanizeTimestamp(.infinity), "+Inf")
        XCTAssertThrowsError(try PrometheusHumanize.humanizeTimestamp(1e300))
    }

    // MARK: - Functions in templates

    func testFunctionsInTemplates() {
        let cases: [(String, String)] = [
            ("{{ humanize 1234567.0 }}", "1.235M"),
            ("{{ \"1234567\" | humanize }}", "1.235M"),
            ("{{ 1048576 | humanize1024 }}", "1Mi"),
            ("{{ humanizeTimestamp \"1435065584.128\" }}", "2015-06-23 13:19:44.128 +0000 UTC"),
            ("{{ (toTime 1435065584.128).Format \"2006-01-02T15:04:05Z07:00\" }}", "2015-06-23T13:19:44Z"),
            ("{{ title \"aa bb CC\" }}", "Aa Bb CC"),
            ("{{ toUpper \"aBc\" }} {{ toLower \"aBc\" }}", "ABC abc"),
            ("{{ reReplaceAll \"(a)b\" \"x$1\" \"ab\" }}", "xa"),
            ("{{ match \"a+\" \"baac\" }} {{ match \"^a+$\" \"baac\" }}", "true false"),
            ("{{ graphLink \"up == 0\" }}", "/graph?g0.expr=up+%3D%3D+0&g0.tab=0"),
            ("{{ tableLink \"up\" }}", "/graph?g0.expr=up&g0.tab=1"),
            ("{{ stripPort \"foo.com:12345\" }} {{ stripPort \"[2001:db8::1]:80\" }} {{ stripPort \"foo\" }}", "foo.com 2001:db8::1 foo"),
            ("{{ stripDomain \"foo.example.com:12345\" }} {{ stripDomain \"foo.example.com\" }} {{ stripDomain \"192.168.0.1:80\" }}",
             "foo:12345 foo 192.168.0.1:80"),
            ("{{ parseDuration \"1h2m\" }}", "3720"),
            ("{{ externalURL }} {{ pathPrefix }}", "http://prom.example:9090/prefix /prefix"),
            ("{{ with args 1 \"x\" }}{{ .arg0 }}{{ .arg1 }}{{ end }}", "1x"),
            ("{{ safeHtml \"<b>\" }}", "<b>"),
        ]
        for (text, want) in cases {
            XCTAssertEqual(expand(text), want, text)
        }
    }

    func testAlertDataConventions() {
        let text = "{{ $labels.job }}/{{ .Labels.instance }} {{ $value }} {{ .Value | humanize }} {{ $externalLabels.cluster }} {{ $externalURL }}"
        XCTAssertEqual(expand(text, value: 1234567), "node/host.example.com:9100 1.234567e+06 1.235M lab http://prom.example:9090/prefix")
        XCTAssertEqual(expand("[{{ $labels.missing }}]"), "[]")
        XCTAssertEqual(expand("{{ printf \"%.2f\" $value }}", value: 0.456), "0.46")
        XCTAssertEqual(expand("no template here"), "no template here")
        XCTAssertEqual(expand("{{ if gt $value 80.0 }}high{{ else }}ok{{ end }}", value: 95), "high")
    }

    func testQueryFunctions() {
        let query: PrometheusTemplates.QueryFunction = { q in
            XCTAssertEqual(q, "up")
            return [.init(labels: ["instance": "b", "__value__": "x"], value: 1), .init(labels: ["instance": "a"], value: 0)]
        }
        XCTAssertEqual(expand("{{ range query \"up\" }}{{ .Labels.instance }}={{ .Value }} {{ end }}", query: query), "b=1 a=0 ")
        XCTAssertEqual(expand("{{ with query \"up\" }}{{ . | first | value }}{{ end }}", query: query), "1")
        XCTAssertEqual(expand("{{ query \"up\" | first | label \"instance\" }}", query: query), "b")
        XCTAssertEqual(expand("{{ query \"up\" | first | strvalue }}", query: query), "x")
        XCTAssertEqual(expand("{{ range query \"up\" | sortByLabel \"instance\" }}{{ .Labels.instance }}{{ end }}", query: query), "ab")
        let empty: PrometheusTemplates.QueryFunction = { _ in [] }
        XCTAssertThrowsError(try PrometheusTemplates.expandAlertField("{{ query \"x\" | first }}", labels: [:], value: 0, query: empty)) {
            XCTAssertEqual(($0 as? TemplateError)?.message, "error calling first: first() called on vector with no elements")
        }
    }

    // MARK: - Errors and syntax checks

    func testExecutionErrorText() {
        do {
            _ = try PrometheusTemplates.expandAlertField("{{ humanize \"abc\" }}", name: "__alert_X", labels: [:], value: 0)
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.message, "error calling humanize: strconv.ParseFloat: parsing \"abc\": invalid syntax")
            XCTAssertEqual(PrometheusTemplates.errorText(error, name: "__alert_X"),
                           "<error expanding template: error executing template __alert_X: template: __alert_X:1:4: executing \"__alert_X\" at <humanize>: error calling humanize: strconv.ParseFloat: parsing \"abc\": invalid syntax>")
        }
    }

    func testCheckSyntaxLocatesErrorsInTheFile() {
        let base = SourceLocation(file: "rules.yml", line: 10, column: 20)
        let diagnostics = PrometheusTemplates.checkSyntax("Instance {{ $labels.instance }} is {{ foo $value }}", name: "__alert_Down", base: base)
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?.message, "template: __alert_Down:1: function \"foo\" not defined")
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "rules.yml", line: 10, column: 58))
        XCTAssertEqual(diagnostics.first?.code, "template/syntax")
        let multiline = PrometheusTemplates.checkSyntax("ok\n  {{ $nope }}", base: base)
        XCTAssertEqual(multiline.first?.message, "template: __alert:2: undefined variable \"$nope\"")
        XCTAssertEqual(multiline.first?.location, SourceLocation(file: "rules.yml", line: 11, column: 6))
        XCTAssertEqual(PrometheusTemplates.checkSyntax("{{ $labels.job | toUpper }} {{ $value | humanizePercentage }}"), [])
        XCTAssertEqual(PrometheusTemplates.checkSyntax("plain text"), [])
    }
}
