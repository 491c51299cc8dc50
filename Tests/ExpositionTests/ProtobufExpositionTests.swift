import XCTest
import PromModel
@testable import Exposition

final class ProtobufExpositionTests: XCTestCase {
    private let native = FloatHistogram(schema: 3, zeroThreshold: 1e-128, zeroCount: 2, count: 20, sum: 12.5,
                                        positive: [HistogramBucket(index: -2, count: 3), HistogramBucket(index: -1, count: 5),
                                                   HistogramBucket(index: 4, count: 6)],
                                        negative: [HistogramBucket(index: 0, count: 4)])

    private func families() -> [MetricFamily] {
        var h = MetricSample(name: "rpc_duration_seconds", labels: ["service": "api"], value: 0, timestamp: 1_700_000_000_123)
        h.histogram = native
        var float = MetricSample(name: "rpc_duration_seconds", labels: ["service": "db"], value: 0)
        float.histogram = FloatHistogram(schema: -1, count: 2.5, sum: 0.75, positive: [HistogramBucket(index: 1, count: 2.5)])
        var empty = MetricSample(name: "rpc_duration_seconds", labels: ["service": "idle"], value: 0)
        empty.histogram = FloatHistogram()
        var gauge = MetricSample(name: "queue_depth_items", value: 0)
        gauge.histogram = FloatHistogram(counterResetHint: .gauge, count: 1, sum: 3, positive: [HistogramBucket(index: 2, count: 1)])
        return [
            MetricFamily(name: "http_requests_total", type: .counter, help: "Requests.",
                         samples: [MetricSample(name: "http_requests_total", labels: ["code": "200"], value: 1027, timestamp: 5),
                                   MetricSample(name: "http_requests_total", labels: ["code": "500"], value: 3)]),
            MetricFamily(name: "temperature_celsius", type: .gauge, samples: [MetricSample(name: "temperature_celsius", value: -3.5)]),
            MetricFamily(name: "build_info", type: .unknown, samples: [MetricSample(name: "build_info", labels: ["v": "1"], value: 1)]),
            MetricFamily(name: "rpc_duration_seconds", type: .histogram, help: "RPC latency.", samples: [h, float, empty]),
            MetricFamily(name: "queue_depth_items", type: .gaugeHistogram, samples: [gauge]),
            MetricFamily(name: "classic_seconds", type: .histogram, samples: [
                MetricSample(name: "classic_seconds_bucket", labels: ["le": "0.5"], value: 1),
                MetricSample(name: "classic_seconds_bucket", labels: ["le": "+Inf"], value: 4),
                MetricSample(name: "classic_seconds_sum", value: 2.5),
                MetricSample(name: "classic_seconds_count", value: 4),
            ]),
            MetricFamily(name: "gc_seconds", type: .summary, samples: [
                MetricSample(name: "gc_seconds", labels: ["quantile": "0.5"], value: 0.01),
                MetricSample(name: "gc_seconds", labels: ["quantile": "0.99"], value: 0.2),
                MetricSample(name: "gc_seconds_sum", value: 7),
                MetricSample(name: "gc_seconds_count", value: 70),
            ]),
        ]
    }

    func testWrittenFamiliesParseBackTheSame() throws {
        let bytes = ProtobufExpositionWriter().write(families())
        XCTAssertTrue(ProtobufExpositionParser.looksLikeProtobuf(bytes))
        let back = try ProtobufExpositionParser().parse(bytes)
        XCTAssertEqual(back, families())
        XCTAssertEqual(back[3].samples[0].histogram?.bitwiseEqualsForTest(native), true)
        XCTAssertEqual(back[3].samples[0].timestamp, 1_700_000_000_123)
        XCTAssertEqual(back[4].samples[0].histogram?.counterResetHint, .gauge)
        XCTAssertEqual(back.map(\.line), Array(1...7))
    }

    /// A family encoded field by field as client_golang writes it: unpacked deltas, a created
    /// timestamp and fields this parser does not know.
    func testHandEncodedNativeHistogramWithUnknownFields() throws {
        var m = ProtobufWriter()
        m.stringField(1, "latency_seconds")
        m.varintField(3, 4)
        m.messageField(4) { metric in
            metric.messageField(1) { $0.stringField(1, "job"); $0.stringField(2, "api") }
            metric.messageField(7) { h in
                h.varintField(1, 7)            // sample_count
                h.doubleField(2, 3.25)         // sample_sum
                h.sint64Field(5, 1)            // schema
                h.doubleField(6, 0.001)        // zero_threshold
                h.varintField(7, 1)            // zero_count
                h.messageField(12) { $0.sint64Field(1, -1); $0.varintField(2, 2) }
                h.messageField(12) { $0.sint64Field(1, 3); $0.varintField(2, 1) }
                for d: Int64 in [2, 1, -2] { h.sint64Field(13, d) }  // unpacked positive_delta: 2 3 1
                h.messageField(15) { $0.varintField(1, 1_700_000_000) }  // created_timestamp
                h.tag(99, .fixed32); h.bytes += [1, 2, 3, 4]
            }
            metric.varintField(6, 42)
        }
        var w = ProtobufWriter()
        w.varint(UInt64(m.bytes.count))
        w.bytes += m.bytes
        let families = try ProtobufExpositionParser().parse(w.bytes)
        let h = try XCTUnwrap(families.first?.samples.first?.histogram)
        XCTAssertEqual(h.positive, [HistogramBucket(index: -1, count: 2), HistogramBucket(index: 0, count: 3),
                                    HistogramBucket(index: 4, count: 1)])
        XCTAssertEqual(h.count, 7)
        XCTAssertEqual(h.zeroCount, 1)
        XCTAssertEqual(h.schema, 1)
        XCTAssertEqual(families.first?.samples.first?.timestamp, 42)
        XCTAssertEqual(families.first?.samples.first?.labels, ["job": "api"])
    }

    func testClassicHistogramWithoutInfBucketGetsOne() throws {
        var m = ProtobufWriter()
        m.stringField(1, "c")
        m.varintField(3, 4)
        m.messageField(4) { metric in
            metric.messageField(7) { h in
                h.varintField(1, 5)
                h.doubleField(2, 1)
                h.messageField(3) { $0.varintField(1, 2); $0.doubleField(2, 0.1) }
            }
        }
        var w = ProtobufWriter()
        w.varint(UInt64(m.bytes.count))
        w.bytes += m.bytes
        let samples = try XCTUnwrap(ProtobufExpositionParser().parse(w.bytes).first?.samples)
        XCTAssertEqual(samples.map(\.name), ["c_bucket", "c_bucket", "c_sum", "c_count"])
        XCTAssertEqual(samples[1].labels["le"], "+Inf")
        XCTAssertEqual(samples[1].value, 5)
    }

    // MARK: - Bad input

    func testTruncatedMutatedAndRandomBytesNeverCrash() {
        let bytes = ProtobufExpositionWriter().write(families())
        var failures = 0
        for cut in 0..<bytes.count where (try? ProtobufExpositionParser().parse(Array(bytes[..<cut]))) == nil { failures += 1 }
        XCTAssertGreaterThan(failures, bytes.count / 2, "most cuts leave a torn message")
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            var copy = bytes
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                copy[Int.random(in: 0..<copy.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            _ = try? ProtobufExpositionParser().parse(copy)
            let random = (0..<Int.random(in: 0..<200, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            _ = try? ProtobufExpositionParser().parse(random)
        }
    }

    private func frame(_ body: (inout ProtobufWriter) -> Void) -> [UInt8] {
        var m = ProtobufWriter()
        body(&m)
        var w = ProtobufWriter()
        w.varint(UInt64(m.bytes.count))
        return w.bytes + m.bytes
    }

    private func assertRejected(_ bytes: [UInt8], _ fragment: String, limits: ExpositionLimits = .default,
                                file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try ProtobufExpositionParser(limits: limits).parse(bytes), file: file, line: line) { error in
            let e = error as? ExpositionError
            XCTAssertTrue(e?.message.contains(fragment) == true, "\(error)", file: file, line: line)
        }
    }

    func testImpossibleInputsAreErrorsWithTheReason() {
        // A length past the end, a huge varint, a family without a name.
        assertRejected([0x05, 0x0A, 0x01], "runs past the end")
        assertRejected([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], "overflows")
        assertRejected(frame { $0.varintField(3, 1) }, "without a name")
        assertRejected(frame { $0.stringField(1, "x"); $0.varintField(3, 9) }, "unknown metric type")
        let histogram = { (body: @escaping (inout ProtobufWriter) -> Void) in
            self.frame { f in
                f.stringField(1, "h")
                f.varintField(3, 4)
                f.messageField(4) { $0.messageField(7, body) }
            }
        }
        // Spans that want 3 buckets with 2 deltas; a schema out of range; counts going negative.
        assertRejected(histogram { h in
            h.messageField(12) { $0.sint64Field(1, 0); $0.varintField(2, 3) }
            h.packedSint64(13, [1, 1])
        }, "do not match")
        assertRejected(histogram { h in
            h.sint64Field(5, 9)
            h.messageField(12) { $0.sint64Field(1, 0); $0.varintField(2, 1) }
            h.packedSint64(13, [1])
        }, "schema")
        assertRejected(histogram { h in
            h.messageField(12) { $0.sint64Field(1, 0); $0.varintField(2, 2) }
            h.packedSint64(13, [1, -5])
        }, "negative")
        // A span length of 4 billion with no counts is refused without allocating.
        assertRejected(histogram { h in
            h.messageField(12) { $0.sint64Field(1, 0); $0.varintField(2, 4_000_000_000) }
        }, "do not match")
        var small = ExpositionLimits.default
        small.maxHistogramBuckets = 4
        assertRejected(histogram { h in
            h.messageField(12) { $0.sint64Field(1, 0); $0.varintField(2, 5) }
            h.packedSint64(13, [1, 1, 1, 1, 1])
        }, "more than 4 buckets", limits: small)
        assertRejected(frame { f in
            f.stringField(1, "g")
            f.varintField(3, 1)
            f.messageField(4) { m in
                m.messageField(1) { $0.stringField(1, "a"); $0.stringField(2, "1") }
                m.messageField(1) { $0.stringField(1, "a"); $0.stringField(2, "2") }
            }
        }, "duplicate label")
        XCTAssertThrowsError(try ProtobufExpositionParser().parse(frame { $0.stringField(1, "x"); $0.tag(2, .startGroup) }))
    }

    func testTextDoesNotLookLikeProtobufAndContentTypesAreRecognised() {
        XCTAssertFalse(ProtobufExpositionParser.looksLikeProtobuf(Array("# HELP x y\nx 1\n".utf8)))
        XCTAssertFalse(ProtobufExpositionParser.looksLikeProtobuf([]))
        XCTAssertTrue(ProtobufExpositionParser.isProtobuf(contentType: ProtobufExpositionParser.contentType))
        XCTAssertTrue(ProtobufExpositionParser.isProtobuf(
            contentType: "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited"))
        XCTAssertFalse(ProtobufExpositionParser.isProtobuf(contentType: "text/plain; version=0.0.4"))
    }

    // MARK: - Lint

    func testCheckMetricsLintsProtobufInputAndNativeHistograms() {
        var bad = MetricSample(name: "rpc_seconds", value: 0)
        bad.histogram = FloatHistogram(count: 2, sum: 1, positive: [HistogramBucket(index: 0, count: 1), HistogramBucket(index: 1, count: 3)])
        let bytes = ProtobufExpositionWriter().write([MetricFamily(name: "rpc_seconds", type: .histogram, help: "x", samples: [bad])])
        let found = MetricsLinter().lint(bytes: bytes, file: "m.pb")
        XCTAssertEqual(found.map(\.code), ["metrics-lint/native-histogram"])
        XCTAssertTrue(found.first?.message.contains("less than its buckets hold (4)") == true, "\(found)")
        let good = ProtobufExpositionWriter().write(families())
        XCTAssertFalse(MetricsLinter().lint(bytes: good, file: "m.pb").contains { $0.code == "metrics-lint/native-histogram" })
        // Corrupt protobuf is a parse error, as for text.
        XCTAssertEqual(MetricsLinter().lint(bytes: Array(good.prefix(40)), file: "m.pb").first?.code, "exposition/protobuf-malformed")
        // Text still goes through the text parser.
        XCTAssertEqual(MetricsLinter().lint(bytes: Array("# HELP up x\n# TYPE up gauge\nup 1\n".utf8), file: "t").count, 0)
    }
}

extension FloatHistogram {
    fileprivate func bitwiseEqualsForTest(_ o: FloatHistogram) -> Bool {
        description == o.description && counterResetHint == o.counterResetHint
    }
}
