import PromModel
import Storage

// MARK: - Remote write

extension PrometheusAPI {
    /// `POST /api/v1/write` (remote write 1.0: snappy-compressed `prometheus.WriteRequest`).
    ///
    /// As Prometheus's receiver: 404 when not enabled; 415 for another content type, protobuf
    /// message or encoding; 400 for a body that does not decode; series without `__name__` are
    /// skipped; the first out-of-order, duplicate or out-of-bounds sample rolls the whole request
    /// back and answers 400 with Prometheus's text (so the sender does not retry); 204 on success.
    func remoteWrite(_ r: HTTPServerRequest) -> HTTPServerResponse {
        guard context.enableRemoteWrite else {
            return Self.httpError(404, "remote write receiver needs to be enabled with --web.enable-remote-write-receiver")
        }
        if let problem = Self.remoteWriteContentProblem(r) { return Self.httpError(415, problem) }
        let request: RemoteWriteRequest
        do {
            request = try RemoteWriteRequest.decode(snappyCompressed: r.body, limits: context.remoteWriteLimits)
        } catch {
            // Go's snappy says only "snappy: corrupt input"; labctl's decoder also says where.
            let text = "\(error)"
            return Self.httpError(400, text.hasPrefix("snappy: corrupt input") ? "snappy: corrupt input" : text)
        }
        let app = (context.remoteWriteTarget ?? storage).appender()
        for series in request.timeseries where series.labels.metricName != nil {
            var ref: SeriesRef?
            for sample in series.samples {
                do {
                    if let known = ref {
                        try app.append(known, t: sample.t, v: sample.v)
                    } else {
                        ref = try app.append(series.labels, t: sample.t, v: sample.v)
                    }
                } catch {
                    app.rollback()
                    return Self.remoteWriteFailure(error)
                }
            }
        }
        do {
            try app.commit()
        } catch {
            return Self.remoteWriteFailure(error)
        }
        metrics.countRemoteWrite(samples: request.timeseries.reduce(0) { $0 + $1.samples.count })
        return HTTPServerResponse(status: 204)
    }

    /// Prometheus's checks of `Content-Type` (`application/x-protobuf`, `proto=prometheus.WriteRequest`
    /// when given) and `Content-Encoding` (`snappy` or none); the 415 text, or nil when acceptable.
    static func remoteWriteContentProblem(_ r: HTTPServerRequest) -> String? {
        let contentType = (r.header("Content-Type") ?? "").trimmingSpaces
        let effective = contentType.isEmpty ? "application/x-protobuf" : contentType
        let parts = effective.split(separator: ";", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        guard parts.first == "application/x-protobuf" else {
            return "expected application/x-protobuf as the first (media) part, got \(contentType) content-type"
        }
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", omittingEmptySubsequences: false)
            guard pair.count == 2 else {
                return "as per https://www.rfc-editor.org/rfc/rfc9110#parameter expected parameters to be key-values, got \(parameter) in \(contentType) content-type"
            }
            if pair[0] == "proto", pair[1] != "prometheus.WriteRequest" {
                return "\(pair[1]) protobuf message is not accepted by this server; accepted [prometheus.WriteRequest]"
            }
        }
        if let encoding = r.header("Content-Encoding"), !encoding.isEmpty, encoding != "snappy" {
            return "\(encoding) encoding (compression) is not accepted by this server; only snappy is acceptable"
        }
        return nil
    }

    /// 400 with Prometheus's text for samples the storage refuses for their time, 500 otherwise.
    static func remoteWriteFailure(_ error: any Error) -> HTTPServerResponse {
        guard let error = error as? StorageError else { return httpError(500, "\(error)") }
        switch error.kind {
        case .outOfOrderSample: return httpError(400, "out of order sample")
        case .duplicateSampleForTimestamp: return httpError(400, "duplicate sample for timestamp")
        case .outOfBounds: return httpError(400, "out of bounds")
        default: return httpError(500, error.description)
        }
    }
}

private extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}
