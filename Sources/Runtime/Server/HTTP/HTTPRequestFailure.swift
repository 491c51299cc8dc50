/// A request the server answers itself: the status, the reason it is counted under and the plain
/// text sent as the body. The connection is always closed afterwards.
struct HTTPRequestFailure: Error, Sendable, Equatable {
    let status: Int
    let reason: HTTPServerRejectReason
    let message: String

    static func bad(_ message: String) -> HTTPRequestFailure {
        HTTPRequestFailure(status: 400, reason: .badRequest, message: message)
    }

    static let requestLineTooLong = HTTPRequestFailure(status: 414, reason: .requestLineTooLong,
                                                       message: "request line too long")
    static let headersTooLarge = HTTPRequestFailure(status: 431, reason: .headersTooLarge,
                                                    message: "request header fields too large")
    static let bodyTooLarge = HTTPRequestFailure(status: 413, reason: .bodyTooLarge, message: "request body too large")
    static let headerTimeout = HTTPRequestFailure(status: 408, reason: .headerTimeout,
                                                  message: "timed out reading the request head")
    static let bodyTimeout = HTTPRequestFailure(status: 408, reason: .bodyTimeout,
                                                message: "timed out reading the request body")
}
