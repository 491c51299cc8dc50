import XCTest
import PromModel
@testable import Runtime

final class QueryResultJSONHistogramTests: XCTestCase {
    private let h = FloatHistogram(zeroThreshold: 0.001, zeroCount: 1, count: 5, sum: 5,
                                   positive: [HistogramBucket(index: 0, count: 1), HistogramBucket(index: 1, count: 0),
                                              HistogramBucket(index: 2, count: 2)],
                                   negative: [HistogramBucket(index: 1, count: 1)])

    func testHistogramObjectListsBucketsInOrderWithBoundaryRules() {
        XCTAssertEqual(QueryResultJSON.histogram(h),
                       #"{"count":"5","sum":"5","buckets":[[1,"-2","-1","1"],[3,"-0.001","0.001","1"],"#
                       + #"[0,"0.5","1","1"],[0,"2","4","2"]]}"#)
        let empty = FloatHistogram(count: 0, sum: 0)
        XCTAssertEqual(QueryResultJSON.histogram(empty), #"{"count":"0","sum":"0"}"#)
        let custom = FloatHistogram(schema: -53, count: 2, sum: 3,
                                    positive: [HistogramBucket(index: 0, count: 1), HistogramBucket(index: 1, count: 1)],
                                    customValues: [1])
        XCTAssertEqual(QueryResultJSON.histogram(custom),
                       #"{"count":"2","sum":"3","buckets":[[0,"-Inf","1","1"],[0,"1","+Inf","1"]]}"#)
    }

    func testVectorAndMatrixUseHistogramKeys() {
        let vector = QueryResultJSON.data(.vector([VectorSample(metric: ["__name__": "h"], t: 60_000, h: h.compacted())]))
        XCTAssertTrue(vector.hasPrefix(#"{"resultType":"vector","result":[{"metric":{"__name__":"h"},"histogram":[60,{"count":"5""#), vector)
        let matrix = QueryResultJSON.data(.matrix([
            RangeSeries(metric: ["a": "1"], points: [FloatPoint(t: 0, f: 1)], histograms: [HistogramPoint(t: 1_500, h: FloatHistogram(count: 1, sum: 2))]),
            RangeSeries(metric: ["a": "2"], points: [], histograms: [HistogramPoint(t: 0, h: FloatHistogram(count: 1, sum: 2))]),
        ]))
        XCTAssertEqual(matrix, #"{"resultType":"matrix","result":[{"metric":{"a":"1"},"values":[[0,"1"]],"#
                       + #""histograms":[[1.500,{"count":"1","sum":"2"}]]},{"metric":{"a":"2"},"histograms":[[0,{"count":"1","sum":"2"}]]}]}"#)
    }
}
