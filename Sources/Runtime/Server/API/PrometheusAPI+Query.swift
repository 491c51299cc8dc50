import GoCompat
import Foundation
import Diagnostics
import PromModel
import PromQL

// MARK: - Queries

extension PrometheusAPI {
    /// Most annotations of each kind in one answer (Prometheus's `AsStrings(query, 10, 10)`).
    static let maxAnnotations = 10
    /// Prometheus's limit on the points of one range-query series.
    static let maxPointsPerSeries: Int64 = 11_000

    /// `/api/v1/query`: `query`, `time` (default now), `timeout`, `limit`.
    func query(_ r: HTTPServerRequest) throws -> HTTPServerResponse {
        let limit = try APIParameters.limit(r)
        let ts = try APIParameters.time(r, "time", default: context.now())
        let engine = try engine(timeout: r)
        let text = r.formValue("query") ?? ""
        let expr = try parse(text)
        let result: QueryResult
        do {
            result = try withQuerySlot(engine) { try engine.instantQuery(expr, at: ts, querier: storage) }
        } catch {
            throw Self.executionError(error)
        }
        return Self.queryResponse(result, query: text, limit: limit)
    }

    /// `/api/v1/query_range`: `query`, `start`, `end`, `step`, `timeout`, `limit`.
    func queryRange(_ r: HTTPServerRequest) throws -> HTTPServerResponse {
        let limit = try APIParameters.limit(r)
        let start = try APIParameters.requiredTime(r, "start")
        let end = try APIParameters.requiredTime(r, "end")
        if end < start {
            throw APIError.invalidParameter("end", "end timestamp must not be before start time")
        }
        let step: Int64
        do {
            step = try APIParameters.duration(r.formValue("step") ?? "")
        } catch let error as ParameterError {
            throw APIError.invalidParameter("step", error.message)
        }
        guard step > 0 else {
            throw APIError.invalidParameter(
                "step", "zero or negative query resolution step widths are not accepted. Try a positive integer")
        }
        let (span, overflow) = end.subtractingReportingOverflow(start)
        if overflow || span / step > Self.maxPointsPerSeries {
            throw APIError(.badData, "exceeded maximum resolution of 11,000 points per timeseries."
                           + " Try decreasing the query resolution (?step=XX)")
        }
        let engine = try engine(timeout: r)
        let text = r.formValue("query") ?? ""
        let expr = try parse(text)
        guard expr.type == .scalar || expr.type == .vector else {
            throw APIError.invalidParameter("query", "invalid expression type \(GoQuoting.quote(expr.type.documentedName))"
                                            + " for range query, must be Scalar or instant Vector")
        }
        let result: QueryResult
        do {
            result = try withQuerySlot(engine) {
                try engine.rangeQuery(expr, start: start, end: end, step: step, querier: storage)
            }
        } catch {
            throw Self.executionError(error)
        }
        return Self.queryResponse(result, query: text, limit: limit)
    }

    /// `/api/v1/query_exemplars`: validated like Prometheus; labctl keeps no exemplars, so `[]`.
    func queryExemplars(_ r: HTTPServerRequest) throws -> HTTPServerResponse {
        let start = try APIParameters.time(r, "start", default: APIParameters.minTime)
        let end = try APIParameters.time(r, "end", default: APIParameters.maxTime)
        if end < start { throw APIError(.badData, "end timestamp must not be before start timestamp") }
        do {
            _ = try Parser(options: parserOptions).parseExpr(r.formValue("query") ?? "")
        } catch {
            throw APIError(.badData, "\(error)")
        }
        return Self.success("[]")
    }

    /// `/api/v1/format_query`: the query pretty-printed as Prometheus's `expr.Pretty(0)`.
    func formatQuery(_ r: HTTPServerRequest) throws -> HTTPServerResponse {
        let expr = try parse(r.formValue("query") ?? "")
        return Self.success(QueryResultJSON.quote(expr.prettyDescription))
    }

    /// `/api/v1/parse_query`: the query's syntax tree as JSON, as Prometheus's `translateAST`.
    func parseQuery(_ r: HTTPServerRequest) throws -> HTTPServerResponse {
        Self.success(ParseQueryJSON.node(try parse(r.formValue("query") ?? "")))
    }

    // MARK: - Helpers

    /// The engine for one request: `timeout` (when given) shortens `--query.timeout`, never lengthens it.
    func engine(timeout r: HTTPServerRequest) throws -> Engine {
        var options = engineOptions
        if let timeout = try APIParameters.duration(r, "timeout") {
            options.timeout = min(options.timeout, Double(timeout) / 1000)
        }
        return Engine(options: options)
    }

    /// Runs `body` holding one of the query slots; waits at most the query's time-out for one.
    func withQuerySlot<T>(_ engine: Engine, _ body: () throws -> T) throws -> T {
        let budget = engine.options.timeout.isFinite ? max(0, min(engine.options.timeout, 86_400)) : 86_400
        guard querySlots.wait(timeout: .now() + budget) == .success else {
            throw QueryError(.timeout, "query timed out in query queue")
        }
        defer { querySlots.signal() }
        return try body()
    }

    /// The parsed query, or `invalid parameter "query": 1:5: parse error: …`.
    func parse(_ text: String) throws -> Expr {
        do {
            return try Parser(options: parserOptions).parseExpr(text)
        } catch {
            throw APIError.invalidParameter("query", "\(error)")
        }
    }

    static func executionError(_ error: any Error) -> APIError {
        if let error = error as? QueryError { return APIError.query(error) }
        if let error = error as? APIError { return error }
        return APIError(.execution, "\(error)")
    }

    /// The success body of a query, cut to `limit` series (with Prometheus's warning) when set.
    static func queryResponse(_ result: QueryResult, query: String, limit: Int) -> HTTPServerResponse {
        var value = result.value
        var extra: [String] = []
        if limit > 0 {
            switch value {
            case .vector(let samples) where samples.count > limit:
                value = .vector(Array(samples.prefix(limit)))
                extra.append("results truncated due to limit")
            case .matrix(let series) where series.count > limit:
                value = .matrix(Array(series.prefix(limit)))
                extra.append("results truncated due to limit")
            default:
                break
            }
        }
        let warnings = capped(result.warnings.map { $0.rendered(query: query) } + extra, kind: "warning")
        let infos = capped(result.infos.map { $0.rendered(query: query) }, kind: "info")
        return .json(200, QueryResultJSON.response(value, warnings: warnings, infos: infos))
    }

    /// At most ten notes, then `N more warning annotations omitted`.
    static func capped(_ notes: [String], kind: String) -> [String] {
        guard notes.count > maxAnnotations else { return notes }
        return Array(notes.prefix(maxAnnotations)) + ["\(notes.count - maxAnnotations) more \(kind) annotations omitted"]
    }
}
