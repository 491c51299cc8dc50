import GoCompat
import PromModel
import PromQL

// MARK: - Date functions

extension Evaluator {
    /// `minute()`, `hour()`, `day_of_week()`, ... of each value read as Unix seconds (UTC), or of the
    /// evaluation time when called without argument.
    func evalDateFunction(_ c: Call) throws -> [StepSeries] {
        let name = c.function.name
        var series: [StepSeries]
        if c.args.isEmpty {
            series = [StepSeries(metric: .empty, points: (0..<steps).map {
                FloatPoint(t: time(ofStep: $0), f: Double(time(ofStep: $0)) / 1000)
            })]
        } else {
            series = try evalVector(c.args[0])
        }
        for i in series.indices {
            for j in series[i].points.indices {
                let v = series[i].points[j].f
                guard v.isFinite, abs(v) < 9.2e15 else {
                    series[i].points[j].f = .nan
                    continue
                }
                let d = CivilDate(unixSeconds: Int64(v.rounded(.towardZero)))
                let r: Int64
                switch name {
                case "minute": r = d.minute
                case "hour": r = d.hour
                case "day_of_week": r = d.weekday
                case "day_of_month": r = d.day
                case "day_of_year": r = d.dayOfYear
                case "days_in_month": r = d.daysInMonth
                case "month": r = d.month
                default: r = d.year
                }
                series[i].points[j].f = Double(r)
            }
            dropName(&series[i])
        }
        return series
    }
}
