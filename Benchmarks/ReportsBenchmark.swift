import Foundation
import Grading

/// `labctl-bench reports`: grade reports rendered per second in every format, on a generated report
/// of `exercises` × 20 checks (default 10 exercises), a third of them failing with feedback and half
/// with a PromQL chart of 2 × 5 series over 60 steps — a large lab; a class of 30 students renders 30.
enum ReportsBenchmark {
    static func run(_ arguments: [String]) {
        let exercises = arguments.first.flatMap { Int($0) }.map { max(1, min($0, 1000)) } ?? 10
        let report = makeReport(exercises: exercises)
        print("reports: \(report.checks.count) checks, \(report.checks.filter { $0.chart != nil }.count) charts")
        let formats: [(String, () -> String)] = [
            ("text", { PlainTextReport(language: .es).render(report) }),
            ("json", { JSONReport().render(report) }),
            ("junit", { JUnitReport(language: .es).render(report) }),
            ("markdown", { MarkdownReport(language: .es).render(report) }),
            ("html+svg", { HTMLReport(language: .es).render(report) }),
            ("gradescope", { GradescopeReport(language: .es).render(report) }),
        ]
        for (name, render) in formats {
            let bytes = render().utf8.count
            let start = DispatchTime.now().uptimeNanoseconds
            var count = 0
            var elapsed: UInt64 = 0
            repeat {
                _ = render()
                count += 1
                elapsed = DispatchTime.now().uptimeNanoseconds - start
            } while elapsed < 500_000_000
            let rate = Double(count) / (Double(elapsed) / 1e9)
            print(name.padding(toLength: 11, withPad: " ", startingAt: 0)
                + String(format: "%8.1f reports/s  %8.1f MiB/s  (%d bytes each)", rate, rate * Double(bytes) / 1_048_576, bytes))
        }
        print("peak maxrss: \(StorageBenchmark.maxRSSKiB()) KiB")
    }

    static func makeReport(exercises: Int) -> GradeReport {
        let results = (0..<exercises).map { e in
            ExerciseResult(id: "ej\(e + 1)", title: "Ejercicio \(e + 1) <consultas & alertas>", checks: (0..<20).map { c in
                let failed = c % 3 == 0
                let chart: ChartData? = c % 2 == 0 ? ChartData(scenario: "steady_traffic", expected: lines(c, 0.5), actual: lines(c, failed ? 0.7 : 0.5)) : nil
                return CheckResult(id: "ej\(e + 1).check_\(c)", kind: c % 2 == 0 ? "promql" : "alert_fires",
                                   title: "promql answers.ej\(e + 1)_\(c) (steady_traffic)", outcome: failed ? .failed : .passed,
                                   points: failed ? 0 : 5, maxPoints: 5, hidden: c == 19,
                                   feedback: failed ? [Feedback("a los 10m falta la serie {endpoint=\"/\"} (se esperaba 1)",
                                                                notes: ["serie                   esperado  tuyo",
                                                                        "{endpoint=\"/\"}          1         —"])] : [],
                                   chart: chart)
            })
        }
        return GradeReport(lab: "lab2", labTitle: "Entendiendo PromQL", student: "alu01", submission: "entregas/alu01",
                           language: "es", exercises: results)
    }

    private static func lines(_ seed: Int, _ slope: Double) -> [ChartData.Line] {
        (0..<5).map { s in
            ChartData.Line(label: "{endpoint=\"/e\(s)\",method=\"GET\"}",
                           points: (0..<60).map { .init(time: Double($0 * 15), value: slope * Double($0 + s + seed % 7)) })
        }
    }
}
