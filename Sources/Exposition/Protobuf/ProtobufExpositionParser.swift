import Diagnostics
import PromModel

/// Parses the Prometheus protobuf exposition format
/// (`application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited`):
/// a sequence of `io.prometheus.client.MetricFamily` messages, each preceded by its length as a varint.
///
/// Counters, gauges and untyped metrics give one sample per metric; summaries their quantile, `_sum`
/// and `_count` samples; histograms one sample carrying a `FloatHistogram` when they have native
/// buckets (spans, or a zero bucket), and their classic `_bucket`, `_sum` and `_count` samples
/// otherwise. Unknown fields are skipped; malformed bytes, impossible bucket layouts and inputs over
/// `limits` are `ExpositionError`s (`exposition/protobuf-malformed`, `exposition/limit-exceeded`),
/// never crashes.
public struct ProtobufExpositionParser: Sendable {
    /// The content type of the format (what the scraper asks for first to get native histograms).
    public static let contentType =
        "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited"

    /// File name used in error locations.
    public var file: String
    /// Bounds on the input (bytes, samples, labels per sample, buckets per histogram).
    public var limits: ExpositionLimits

    public init(file: String = "<input>", limits: ExpositionLimits = .default) {
        self.file = file
        self.limits = limits
    }

    /// Whether an HTTP content type names this format.
    public static func isProtobuf(contentType: String) -> Bool {
        let lower = contentType.lowercased()
        return lower.contains("application/vnd.google.protobuf") && lower.contains("io.prometheus.client.metricfamily")
    }

    /// Whether `bytes` start like a delimited MetricFamily (a length, then field 1, the name) rather than
    /// text; a cheap guess for files, confirmed by parsing.
    public static func looksLikeProtobuf(_ bytes: [UInt8]) -> Bool {
        var r = ProtobufReader(bytes, range: 0..<bytes.count)
        // The frame may be torn (then parsing says so), but the name's length must fit in the frame.
        guard let length = try? r.varint(), length >= 2, let (field, wire) = try? r.tag(), field == 1,
              wire == .lengthDelimited, let nameLength = try? r.varint(), nameLength > 0, nameLength < length else {
            return false
        }
        return true
    }

    /// Parses every family, in input order.
    public func parse(_ bytes: [UInt8]) throws -> [MetricFamily] {
        guard bytes.count <= limits.maxBytes else {
            throw ExpositionError("limit-exceeded", "input is larger than \(limits.maxBytes) bytes", at: location(0))
        }
        var families: [MetricFamily] = []
        var reader = ProtobufReader(bytes, range: 0..<bytes.count)
        var samples = 0
        do {
            while !reader.isAtEnd {
                var decoder = ProtobufFamilyDecoder(limits: limits)
                var family = try decoder.family(reader.sub(try reader.lengthDelimited()))
                family.line = families.count + 1
                samples += family.samples.count
                guard samples <= limits.maxSamples else {
                    throw ExpositionError("limit-exceeded", "more than \(limits.maxSamples) samples", at: location(reader.position))
                }
                families.append(family)
            }
        } catch let error as ProtobufDecodeError {
            throw ExpositionError("protobuf-malformed", "malformed protobuf exposition: \(error.message) at byte \(error.offset)",
                                  at: location(error.offset))
        }
        return families
    }

    private func location(_ offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: 1, column: offset + 1)
    }
}
