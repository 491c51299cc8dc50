/// Why ``HTTPServer/start()`` failed: the address does not resolve, is in use, or a socket call
/// failed. `description` is one line in Go's style (`listen tcp 127.0.0.1:9090: bind: address
/// already in use`), ready to print.
public struct HTTPServerError: Error, CustomStringConvertible, Sendable {
    private enum Kind: Sendable {
        case resolve, addressInUse, socket, alreadyStarted
    }

    private let kind: Kind
    /// The whole message.
    public let description: String

    private init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }

    /// Whether another process (or server) already listens on the address.
    public var isAddressInUse: Bool { kind == .addressInUse }
    /// Whether the host name did not resolve to an address.
    public var isResolveFailure: Bool { kind == .resolve }

    static func resolve(_ address: String, _ reason: String) -> HTTPServerError {
        HTTPServerError(.resolve, "listen tcp \(address): lookup: \(reason)")
    }

    static func addressInUse(_ address: String) -> HTTPServerError {
        HTTPServerError(.addressInUse, "listen tcp \(address): bind: address already in use")
    }

    static func socket(_ address: String, _ call: String, _ reason: String) -> HTTPServerError {
        HTTPServerError(.socket, "listen tcp \(address): \(call): \(reason)")
    }

    static func alreadyStarted(_ address: String) -> HTTPServerError {
        HTTPServerError(.alreadyStarted, "listen tcp \(address): the server was already started")
    }
}
