import XCTest
@testable import ConfigModel

final class TemplateAlertmanagerTests: XCTestCase {
    private let start = TemplateTime(unixSeconds: 1_700_000_000)

    private func sampleData() -> AlertmanagerTemplateData {
        AlertmanagerTemplateData(receiver: "team ops", alerts: [
            .init(status: "firing", labels: ["alertname": "HighLoad", "instance": "a:9100", "severity": "critical", "job": "node"],
                  annotations: ["summary": "load is high"], startsAt: start, generatorURL: "http://prom/graph", fingerprint: "abc"),
            .init(status: "firing", labels: ["alertname": "HighLoad", "instance": "b:9100", "severity": "critical", "job": "node"],
                  annotations: ["summary": "load is high"], startsAt: start),
            .init(status: "resolved", labels: ["alertname": "HighLoad", "instance": "c:9100", "severity": "critical", "job": "node"],
                  annotations: ["summary": "load was high"], startsAt: start, endsAt: TemplateTime(unixSeconds: 1_700_000_600)),
        ], groupLabels: ["alertname": "HighLoad"], externalURL: "http://am:9093")
    }

    private func expand(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            return try AlertmanagerTemplates.expand(text, data: sampleData(), in: try AlertmanagerTemplates.defaultTemplate())
        } catch {
            XCTFail("\(text): \(error)", file: file, line: line)
            return ""
        }
    }

    func testDataFields() {
        let cases: [(String, String)] = [
            ("{{ .Receiver }} {{ .Status }} {{ len .Alerts }}", "team ops firing 3"),
            ("{{ len .Alerts.Firing }}/{{ len .Alerts.Resolved }}", "2/1"),
            ("{{ .GroupLabels.alertname }} {{ .CommonLabels.severity }} [{{ .CommonLabels.instance }}]", "HighLoad critical []"),
            ("{{ .CommonAnnotations.summary }}", ""),
            ("{{ range .Alerts }}{{ .Labels.instance }}:{{ .Status }} {{ end }}", "a:9100:firing b:9100:firing c:9100:resolved "),
            ("{{ (index .Alerts 0).Fingerprint }} {{ (index .Alerts 0).GeneratorURL }}", "abc http://prom/graph"),
            ("{{ (index .Alerts 0).StartsAt }}", "2023-11-14 22:13:20 +0000 UTC"),
            ("{{ (index .Alerts 2).EndsAt.Format \"15:04\" }}", "22:23"),
            ("{{ .CommonLabels.SortedPairs.Names | join \",\" }}", "alertname,job,severity"),
            ("{{ .CommonLabels.SortedPairs }}", "alertname=HighLoad, job=node, severity=critical"),
            ("{{ range .CommonLabels.SortedPairs }}{{ .Name }}={{ .Value }};{{ end }}", "alertname=HighLoad;job=node;severity=critical;"),
            ("{{ (.CommonLabels.Remove (stringSlice \"job\" \"severity\")).Names }}", "[alertname]"),
            ("{{ .CommonLabels.Values | join \" \" }}", "HighLoad node critical"),
            ("{{ range $k, $v := .GroupLabels }}{{ $k }}={{ $v }}{{ end }}", "alertname=HighLoad"),
        ]
        for (text, want) in cases {
            XCTAssertEqual(expand(text), want, text)
        }
    }

    func testFunctions() {
        let cases: [(String, String)] = [
            ("{{ title \"hELLO wORLD\" }}", "Hello World"),
            ("{{ trimSpace \"  x \" }}", "x"),
            ("{{ stringSlice \"a\" \"b\" | join \"-\" }}", "a-b"),
            ("{{ match \"^High\" .GroupLabels.alertname }}", "true"),
            ("{{ reReplaceAll \":.*\" \"\" \"host:9100\" }}", "host"),
            ("{{ (index .Alerts 0).StartsAt | date \"2006-01-02\" }}", "2023-11-14"),
            ("{{ (index .Alerts 0).StartsAt | tz \"UTC\" | date \"15:04 MST\" }}", "22:13 UTC"),
            ("{{ humanizeDuration 3661 }}", "1h 1m 1s"),
            ("{{ urlUnescape \"a%20b+c\" }}", "a b c"),
        ]
        for (text, want) in cases {
            XCTAssertEqual(expand(text), want, text)
        }
    }

    func testDefaultTemplates() throws {
        XCTAssertEqual(expand("{{ template \"email.default.subject\" . }}"), "[FIRING:2] HighLoad (node critical)")
        XCTAssertEqual(expand("{{ template \"slack.default.title\" . }}"), "[FIRING:2] HighLoad (node critical)")
        XCTAssertEqual(expand("{{ template \"slack.default.titlelink\" . }}"), "http://am:9093/#/alerts?receiver=team+ops")
        let text = expand("{{ template \"slack.default.text\" . }}")
        XCTAssertTrue(text.hasPrefix("* HighLoad (firing): load is high\n  alertname=HighLoad\n  instance=a:9100\n"), text)
        XCTAssertTrue(text.contains("  source: http://prom/graph\n"), text)
        let html = expand("{{ template \"email.default.html\" . }}")
        XCTAssertTrue(html.contains("<h2>Firing (2)</h2>"), html)
        XCTAssertTrue(html.contains("<h2>Resolved (1)</h2>"), html)
        XCTAssertTrue(html.contains("<br>\n<i>summary</i>: load is high</li>"), "every annotation of a firing alert: \(html)")
        XCTAssertTrue(html.contains("<a href=\"http://am:9093/#/alerts?receiver=team+ops\">Alertmanager</a>"), html)
        let names = try AlertmanagerTemplates.defaultTemplate().templateNames
        for name in ["__subject", "__text_alert_list", "email.default.subject", "email.default.html", "slack.default.title", "slack.default.text"] {
            XCTAssertTrue(names.contains(name), name)
        }
    }

    func testUserTemplateFilesOverrideAndCallDefaults() throws {
        let set = try AlertmanagerTemplates.template(files: [
            (name: "custom.tmpl", text: "{{ define \"my.title\" }}<{{ template \"__subject\" . }}>{{ end }}"),
            (name: "override.tmpl", text: "{{ define \"slack.default.title\" }}custom{{ end }}"),
        ])
        XCTAssertEqual(try AlertmanagerTemplates.expand("{{ template \"my.title\" . }}", data: sampleData(), in: set),
                       "<[FIRING:2] HighLoad (node critical)>")
        XCTAssertEqual(try AlertmanagerTemplates.expand("{{ template \"slack.default.title\" . }}", data: sampleData(), in: set), "custom")
        XCTAssertThrowsError(try AlertmanagerTemplates.expand("{{ .Nope.X }}", data: sampleData(), in: set)) {
            XCTAssertEqual(($0 as? TemplateError)?.message, "can't evaluate field Nope in type *template.Data")
        }
    }

    func testResolvedStatus() throws {
        let data = AlertmanagerTemplateData(receiver: "r", alerts: [.init(status: "resolved", labels: ["alertname": "A"])],
                                            groupLabels: ["alertname": "A"], externalURL: "")
        XCTAssertEqual(try AlertmanagerTemplates.expand("{{ template \"__subject\" . }}", data: data, in: AlertmanagerTemplates.defaultTemplate()),
                       "[RESOLVED] A")
    }
}
