import Diagnostics
@testable import Grading

/// One fixed grade report with every outcome (passed, partial, failed, manual, grader error),
/// hidden checks, PromQL charts and text that needs escaping in every markup format, for the
/// report renderers' tests and golden files. No clock, no temporary paths: the same bytes each run.
enum ReportFixture {
    /// The report in `language`.
    static func report(_ language: GradingLanguage) -> GradeReport {
        // The fixture's own texts come in both languages (as a lab spec's do), not from the catalogue.
        let say = { (es: String, en: String) in language == .es ? es : en }
        let location = SourceLocation(file: "answers/ej1.yaml", line: 3, column: 12)
        let rules = SourceLocation(file: "prometheus/alert_rules.yml", line: 14, column: 9)
        let ej1 = ExerciseResult(id: "ej1", title: say("Consultas & <tasas>", "Queries & <rates>"), checks: [
            CheckResult(id: "ej1.rate", kind: "promql", title: say("Tasa de peticiones por endpoint", "Request rate by endpoint"),
                        outcome: .passed, points: 10, maxPoints: 10, chart: chart(matching: true)),
            CheckResult(id: "ej1.errors", kind: "promql",
                        title: say("Proporción de errores | 5xx <b>", "Error ratio | 5xx <b>"),
                        outcome: .failed, points: 0, maxPoints: 10,
                        feedback: [Feedback(say("la consulta devuelve otras etiquetas: falta `by (endpoint)`",
                                                "the query returns other labels: `by (endpoint)` is missing"),
                                            location: location,
                                            notes: [say("esperado                       obtenido", "expected                       actual"),
                                                    "{endpoint=\"/do_work\"} 0.25    {} 0.5",
                                                    "sum(rate(x[1m]))\n  > 0 && \"<script>\""])],
                        chart: chart(matching: false)),
            CheckResult(id: "ej1.p95", kind: "promql", title: say("Latencia p95", "p95 latency"),
                        outcome: .partial, points: 2.5, maxPoints: 5,
                        feedback: [Feedback(say("correcta en 2 de 4 instantes", "right at 2 of 4 times"))],
                        chart: ChartData(scenario: "vacío", expected: [], actual: [])),
        ])
        let ej2 = ExerciseResult(id: "ej2", title: say("Alertas", "Alerts"), checks: [
            CheckResult(id: "ej2.fires", kind: "alert_fires", title: "alert_fires HighErrorRate (error_burst)",
                        outcome: .passed, points: 5, maxPoints: 5, hidden: true),
            CheckResult(id: "ej2.labels", kind: "alert_rule", title: "alert_rule HighErrorRate",
                        outcome: .failed, points: 0, maxPoints: 5, hidden: true,
                        feedback: [Feedback(say("SECRETO: falta la etiqueta severity", "SECRET: the severity label is missing"),
                                            location: rules)]),
            CheckResult(id: "ej2.dashboard", kind: "manual", title: say("Captura del panel", "Dashboard screenshot"),
                        outcome: .manual, points: 0, maxPoints: 10),
            CheckResult(id: "ej2.broken", kind: "promql", title: say("Referencia rota", "Broken reference"),
                        outcome: .graderError, points: 0, maxPoints: 7,
                        feedback: [Feedback(say("la referencia no es PromQL válido: rate(foo[5m]",
                                                "the reference is not valid PromQL: rate(foo[5m]"))],
                        specLocation: SourceLocation(file: "labs/lab2/lab.yaml", line: 88, column: 11)),
        ])
        let ej3 = ExerciseResult(id: "ej3", title: say("Solo ocultas", "Hidden only"), checks: [
            CheckResult(id: "ej3.1", kind: "file_exists", title: "file_exists README.md", outcome: .passed,
                        points: 3, maxPoints: 3, hidden: true),
        ])
        return GradeReport(lab: "lab2", labTitle: say("Lab 2 — PromQL \"básico\"", "Lab 2 — \"basic\" PromQL"),
                           student: "alu01", submission: "entregas/alu01", language: language.rawValue,
                           exercises: [ej1, ej2, ej3])
    }

    /// A reference with two series over ten minutes; the student's matches it or not.
    static func chart(matching: Bool) -> ChartData {
        func line(_ label: String, _ slope: Double, offset: Double = 0) -> ChartData.Line {
            ChartData.Line(label: label, points: (0...10).map { .init(time: Double($0 * 60), value: offset + slope * Double($0)) })
        }
        let expected = [line("{endpoint=\"/do_work\"}", 0.5), line("{endpoint=\"/health\"}", 0.1, offset: 1)]
        let actual = matching ? expected : [line("{}", 0.75, offset: 0.5)]
        return ChartData(scenario: "steady_traffic", expected: expected, actual: actual)
    }

    // MARK: - Totals the fixture is built to have

    /// 10 + 0 + 2.5 (ej1) + 5 + 0 (ej2) + 3 (ej3).
    static let points = 20.5
    /// 10 + 10 + 5 + 5 + 5 + 3; the manual and grader-error checks are left out.
    static let maxPoints = 38.0
}
