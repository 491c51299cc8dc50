import Exposition
import Foundation
import PromModel
import Storage

/// Scrapes one target once: the HTTP request (Accept negotiation of OpenMetrics and the text
/// format, `X-Prometheus-Scrape-Timeout-Seconds`, authorization), the body checks
/// (`body_size_limit`), parsing, the target-label merge (`honor_labels`, `exported_` prefixes),
/// `honor_timestamps`, `metric_relabel_configs`, `sample_limit` and the label limits.
///
/// Pure apart from the network: nothing is appended (``ScrapeLoop`` does that), so tests call
/// ``scrape(_:settings:at:)`` and inspect the ``ScrapeResult``.
public struct Scraper: Sendable {
    /// The Accept header Prometheus 3 sends (OpenMetrics preferred, then the text format).
    public static let acceptHeader =
        "application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,"
        + "text/plain;version=0.0.4;q=0.3,*/*;q=0.1"

    /// The media type of each `scrape_protocols` name.
    static let protocolMediaTypes = [
        "PrometheusProto": "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited",
        "OpenMetricsText1.0.0": "application/openmetrics-text;version=1.0.0",
        "OpenMetricsText0.0.1": "application/openmetrics-text;version=0.0.1",
        "PrometheusText1.0.0": "text/plain;version=1.0.0",
        "PrometheusText0.0.4": "text/plain;version=0.0.4",
    ]

    /// The Accept header for `scrape_protocols` as Prometheus builds it: each protocol's media type
    /// with falling weights, then `*/*`.
    public static func acceptHeader(protocols: [String]) -> String {
        var weight = protocolMediaTypes.count + 1
        var values: [String] = []
        for p in protocols {
            guard let media = protocolMediaTypes[p] else { continue }
            values.append("\(media);q=0.\(weight)")
            weight -= 1
        }
        values.append("*/*;q=0.\(weight)")
        return values.joined(separator: ",")
    }

    public init() {}

    /// Scrapes `target` now (or at `at`, milliseconds), never throwing: failures are in the result.
    public func scrape(_ target: ScrapeTarget, settings: ScrapeSettings, at: Int64? = nil) -> ScrapeResult {
        let started = Date()
        let timestamp = at ?? Int64(started.timeIntervalSince1970 * 1000)
        var result = ScrapeResult(target: target, timestamp: timestamp)
        do {
            let (body, contentType) = try fetch(target, settings: settings)
            if ProtobufExpositionParser.isProtobuf(contentType: contentType) {
                result.format = "protobuf"
                let families = try ProtobufExpositionParser(file: result.target.url).parse(body)
                try process(families, settings: settings, into: &result)
            } else {
                let format: ExpositionFormat = contentType.lowercased().contains("application/openmetrics-text")
                    ? .openMetrics : .prometheusText
                result.format = format.rawValue
                try process(body, format: format, settings: settings, into: &result)
            }
        } catch {
            result.error = "\(error)"
            result.samples = []
        }
        result.duration = Date().timeIntervalSince(started)
        return result
    }

    private func fetch(_ target: ScrapeTarget, settings: ScrapeSettings) throws -> ([UInt8], String) {
        guard target.scheme.lowercased() == "http" else {
            throw HTTPClientError(.unsupportedScheme, "scheme \"\(target.scheme)\" is not supported (only http)")
        }
        let connectTo = settings.resolver.resolve(target.address)
        let (host, port) = try HTTPRequest.splitHostPort(connectTo, defaultPort: 80)
        let timeout = Double(target.timeoutMilliseconds) / 1000
        var headers: [(name: String, value: String)] = [
            ("Accept", settings.acceptHeader),
            ("Accept-Encoding", "gzip"),
            ("User-Agent", "labctl-scraper"),
            ("X-Prometheus-Scrape-Timeout-Seconds", String(timeout)),
        ]
        if let auth = settings.authorization { headers.append(("Authorization", auth)) }
        let client = HTTPClient(timeout: timeout, maxBodyBytes: settings.bodySizeLimit)
        let response: HTTPResponse
        do {
            response = try client.send(HTTPRequest(host: host, port: port, target: target.target, headers: headers))
        } catch let error as HTTPClientError where error.kind == .bodyTooLarge {
            throw ScrapeError("body size limit exceeded")
        } catch let error as HTTPClientError where error.kind == .timeout {
            throw ScrapeError("Get \"\(target.url)\": context deadline exceeded")
        } catch let error as HTTPClientError {
            throw ScrapeError("Get \"\(target.url)\": \(error.message)")
        }
        guard response.status == 200 else {
            throw ScrapeError("server returned HTTP status \(response.status) \(response.reason)")
        }
        if settings.bodySizeLimit > 0, response.body.count > settings.bodySizeLimit {
            throw ScrapeError("body size limit exceeded")
        }
        return (response.body, response.header("Content-Type") ?? "")
    }

    /// Parses `body` and fills `result`'s samples and counts (throws on parse errors and limits).
    func process(_ body: [UInt8], format: ExpositionFormat, settings: ScrapeSettings, into result: inout ScrapeResult) throws {
        let text = String(decoding: body, as: UTF8.self)
        let families = try ExpositionParser(format: format, file: result.target.url).parse(text)
        try process(families, settings: settings, into: &result)
    }

    /// Fills `result`'s samples and counts from parsed families (throws on limits).
    func process(_ families: [MetricFamily], settings: ScrapeSettings, into result: inout ScrapeResult) throws {
        let target = result.target
        var samples: [ScrapeResult.Sample] = []
        var scraped = 0
        for family in families {
            for s in family.samples {
                scraped += 1
                var labels = merge(s.seriesLabels, target: target.labels, honor: settings.honorLabels)
                if !settings.metricRelabeler.isEmpty {
                    guard let relabelled = settings.metricRelabeler.process(labels) else { continue }
                    labels = relabelled
                }
                guard labels.metricName != nil else { continue }
                try checkLabelLimits(labels, settings)
                let t = settings.honorTimestamps ? (s.timestamp ?? result.timestamp) : result.timestamp
                samples.append(ScrapeResult.Sample(labels: labels, t: t, v: s.value, h: s.histogram))
            }
        }
        result.samplesScraped = scraped
        result.samplesPostRelabeling = samples.count
        if settings.sampleLimit > 0, samples.count > settings.sampleLimit {
            throw ScrapeError("sample limit exceeded")
        }
        result.samples = samples
    }

    private func checkLabelLimits(_ labels: Labels, _ settings: ScrapeSettings) throws {
        // Go's %.50s / %.50q: at most 50 characters of each name and value.
        let name = String((labels.metricName ?? "").prefix(50))
        if settings.labelLimit > 0, labels.count > settings.labelLimit {
            throw ScrapeError("label_limit exceeded (metric: \(name), number of labels: \(labels.count), limit: \(settings.labelLimit))")
        }
        for label in labels {
            if settings.labelNameLengthLimit > 0, label.name.utf8.count > settings.labelNameLengthLimit {
                throw ScrapeError("label_name_length_limit exceeded (metric: \(name), label name: \(label.name.prefix(50)), length: \(label.name.utf8.count), limit: \(settings.labelNameLengthLimit))")
            }
            if settings.labelValueLengthLimit > 0, label.value.utf8.count > settings.labelValueLengthLimit {
                throw ScrapeError("label_value_length_limit exceeded (metric: \(name), label name: \(label.name.prefix(50)), value: \"\(label.value.prefix(50))\", length: \(label.value.utf8.count), limit: \(settings.labelValueLengthLimit))")
            }
        }
    }

    /// The sample's labels with the target's: with `honor_labels` the scraped ones win; otherwise
    /// the target's win and clashing scraped labels are kept as `exported_<name>`.
    func merge(_ scraped: Labels, target: Labels, honor: Bool) -> Labels {
        if target.isEmpty { return scraped }
        var dict: [String: String] = [:]
        dict.reserveCapacity(scraped.count + target.count)
        for l in scraped { dict[l.name] = l.value }
        for l in target {
            if honor {
                if dict[l.name] == nil { dict[l.name] = l.value }
            } else {
                if let existing = dict[l.name] {
                    var exported = "exported_" + l.name
                    while dict[exported] != nil { exported = "exported_" + exported }
                    dict[exported] = existing
                }
                dict[l.name] = l.value
            }
        }
        return Labels(dict)
    }
}

/// Why a scrape failed, as the target's `lastError` shows it.
public struct ScrapeError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
