import GoCompat
import Foundation
import PromModel
import Runtime

/// A running Prometheus as the grader's engine, through its HTTP API: instant queries on
/// `/api/v1/query`, range queries on `/api/v1/query_range` (both `POST` form bodies, so long
/// expressions never hit a URL length limit).
///
/// Scenario times start at 0; a Prometheus holds them shifted by ``offset`` milliseconds (see
/// ``ScenarioTimeline``: each scenario of a lab has its own slot, so the scenarios never overlap).
/// Every request adds the offset and every returned timestamp has it taken away again.
///
/// Every failure is a thrown ``PrometheusAPIError``: an unreachable server, a time-out, a body beyond
/// ``maxBodyBytes``, Prometheus's own `{"status":"error","errorType":…,"error":…}` shape, or a body that
/// is not the JSON Prometheus sends. Nothing in a response can crash the grader.
public struct PrometheusQueryBackend: QueryBackend {
    /// `http://host:port` (a path prefix such as `/prometheus` is kept).
    public let baseURL: String
    /// Milliseconds added to scenario times.
    public let offset: Int64
    /// Seconds one request may take (connect, send, read); also sent as Prometheus's `timeout`.
    public let timeout: Double
    /// Largest response body accepted.
    public let maxBodyBytes: Int

    public init(baseURL: String, offset: Int64 = 0, timeout: Double = 10, maxBodyBytes: Int = 32 << 20) {
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        self.baseURL = url
        self.offset = offset
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
    }

    /// The same server with another scenario offset.
    public func shifted(to offset: Int64) -> PrometheusQueryBackend {
        PrometheusQueryBackend(baseURL: baseURL, offset: offset, timeout: timeout, maxBodyBytes: maxBodyBytes)
    }

    public func instant(_ expr: String, at time: Int64) throws -> SampleSet {
        let data = try post("/api/v1/query", ["query": expr, "time": Self.seconds(time, offset), "timeout": Self.timeoutParameter(timeout)])
        return try Self.parseInstant(data)
    }

    public func range(_ expr: String, start: Int64, end: Int64, step: Int64) throws -> [Labels: [(t: Int64, v: Double)]] {
        guard step > 0 else { throw PrometheusAPIError(.badData, "step must be positive") }
        let data = try post("/api/v1/query_range", [
            "query": expr, "start": Self.seconds(start, offset), "end": Self.seconds(end, offset),
            "step": Self.seconds(step, 0), "timeout": Self.timeoutParameter(timeout),
        ])
        return try Self.parseRange(data, offset: offset)
    }

    /// Checks that the server answers the query API (`1` at the scenario's start).
    public func probe() throws {
        _ = try instant("1", at: 0)
    }

    // MARK: - HTTP

    private func post(_ path: String, _ form: [String: String]) throws -> [UInt8] {
        let body = form.keys.sorted().map { "\($0)=\(Self.formEncode(form[$0] ?? ""))" }.joined(separator: "&")
        let request: HTTPRequest
        do {
            request = try HTTPRequest(url: baseURL + path, method: "POST",
                                      headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")],
                                      body: Array(body.utf8))
        } catch {
            throw PrometheusAPIError(.unreachable, "\(baseURL) is not a usable Prometheus URL: \(error)")
        }
        let response: HTTPResponse
        do {
            response = try HTTPClient(timeout: timeout, maxBodyBytes: maxBodyBytes).send(request)
        } catch {
            throw PrometheusAPIError(.unreachable, "Prometheus at \(baseURL) did not answer: \(error)")
        }
        // Prometheus answers errors with 400/422/503 and the JSON error shape: parse that first.
        if response.status != 200 {
            if let error = try? Self.apiError(response.body) { throw error }
            throw PrometheusAPIError(.badResponse, "Prometheus at \(baseURL) answered HTTP \(response.status) to \(path)")
        }
        return response.body
    }

    // MARK: - Parsing

    /// The result of an instant query body as labelled values (a matrix gives each series' last point).
    public static func parseInstant(_ body: [UInt8]) throws -> SampleSet {
        let (type, result) = try data(body)
        switch type {
        case "vector":
            guard let items = result as? [Any] else { throw malformed("vector result is not a list") }
            return SampleSet(try items.map { item in
                guard let object = item as? [String: Any] else { throw malformed("vector sample is not an object") }
                let point = try Self.point(object["value"], offset: 0)
                return (try labels(object["metric"]), point.v)
            })
        case "scalar":
            let point = try Self.point(result, offset: 0)
            return SampleSet([(Labels(), point.v)], isScalar: true)
        case "matrix":
            return SampleSet(try matrix(result, offset: 0).compactMap { s in s.value.last.map { (s.key, $0.v) } })
        case "string":
            throw PrometheusAPIError(.execution, "a string is not a result that can be graded")
        default:
            throw malformed("unknown resultType \(type)")
        }
    }

    /// The series of a range query body, timestamps in scenario milliseconds (`offset` taken away).
    public static func parseRange(_ body: [UInt8], offset: Int64) throws -> [Labels: [(t: Int64, v: Double)]] {
        let (type, result) = try data(body)
        guard type == "matrix" else { throw malformed("a range query answered \(type), not matrix") }
        return try matrix(result, offset: offset)
    }

    /// `resultType` and `result` of a success body; Prometheus's error shape as the error.
    static func data(_ body: [UInt8]) throws -> (String, Any) {
        let object = try json(body)
        guard let status = object["status"] as? String else { throw malformed("no status") }
        if status != "success" { throw try apiError(body) }
        guard let data = object["data"] as? [String: Any] else { throw malformed("no data") }
        guard let type = data["resultType"] as? String else { throw malformed("no resultType") }
        guard let result = data["result"] else { throw malformed("no result") }
        return (type, result)
    }

    /// The error a `{"status":"error",…}` body describes (or a malformed-body error).
    static func apiError(_ body: [UInt8]) throws -> PrometheusAPIError {
        let object = try json(body)
        guard (object["status"] as? String) == "error" else { throw malformed("not an error body") }
        let type = object["errorType"] as? String ?? "unknown"
        let message = object["error"] as? String ?? "(no message)"
        return PrometheusAPIError(PrometheusAPIError.Kind(rawValue: type) ?? .other, "Prometheus: \(type): \(message)")
    }

    private static func json(_ body: [UInt8]) throws -> [String: Any] {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
        } catch {
            throw malformed("not JSON")
        }
        guard let object = parsed as? [String: Any] else { throw malformed("not a JSON object") }
        return object
    }

    private static func matrix(_ result: Any, offset: Int64) throws -> [Labels: [(t: Int64, v: Double)]] {
        guard let items = result as? [Any] else { throw malformed("matrix result is not a list") }
        var out: [Labels: [(t: Int64, v: Double)]] = [:]
        for item in items {
            guard let object = item as? [String: Any] else { throw malformed("matrix series is not an object") }
            // Native histograms ("histograms") are not graded: only float points count.
            let values = object["values"] as? [Any] ?? []
            out[try labels(object["metric"])] = try values.map { try point($0, offset: offset) }
        }
        return out
    }

    private static func labels(_ value: Any?) throws -> Labels {
        guard let value else { return Labels() }
        guard let object = value as? [String: Any] else { throw malformed("metric is not an object") }
        var pairs: [String: String] = [:]
        for (name, v) in object {
            guard let text = v as? String else { throw malformed("label \(name) is not a string") }
            pairs[name] = text
        }
        return Labels(pairs)
    }

    /// `[1700000000.123, "42"]` → scenario milliseconds and value.
    private static func point(_ value: Any?, offset: Int64) throws -> (t: Int64, v: Double) {
        guard let pair = value as? [Any], pair.count == 2 else { throw malformed("a sample is not [time, \"value\"]") }
        guard let seconds = (pair[0] as? NSNumber)?.doubleValue, seconds.isFinite, abs(seconds) < 9.2e15 / 1000 else {
            throw malformed("a sample time is not a number")
        }
        guard let text = pair[1] as? String, let v = parseValue(text) else { throw malformed("a sample value is not a number string") }
        let ms = Int64((seconds * 1000).rounded())
        let (t, overflow) = ms.subtractingReportingOverflow(offset)
        guard !overflow else { throw malformed("a sample time is out of range") }
        return (t, v)
    }

    /// Prometheus's value strings: Go float syntax plus `NaN`, `+Inf`, `-Inf`.
    static func parseValue(_ text: String) -> Double? {
        switch text {
        case "NaN": return .nan
        case "+Inf", "Inf": return .infinity
        case "-Inf": return -.infinity
        default: return Double(text)
        }
    }

    private static func malformed(_ what: String) -> PrometheusAPIError {
        PrometheusAPIError(.badResponse, "Prometheus's answer is malformed: \(what)")
    }

    // MARK: - Encoding

    /// Scenario milliseconds `t` plus `offset` as Prometheus's decimal seconds.
    static func seconds(_ t: Int64, _ offset: Int64) -> String {
        let (ms, overflow) = t.addingReportingOverflow(offset)
        let value = overflow ? (t > 0 ? Int64.max : Int64.min) : ms
        let whole = value / 1000, frac = abs(value % 1000)
        let sign = value < 0 && whole == 0 ? "-" : ""
        return frac == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(String(format: "%03d", Int(frac)))"
    }

    private static func timeoutParameter(_ seconds: Double) -> String {
        "\(max(1, Int(seconds.rounded(.up))))s"
    }

    static func formEncode(_ text: String) -> String {
        FormURLEncoding.encode(text, spaceAsPlus: false)
    }
}
