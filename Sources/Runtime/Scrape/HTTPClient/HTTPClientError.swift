/// Why an HTTP exchange failed. `kind` is stable; `message` is for people.
public struct HTTPClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Kind: String, Hashable, Sendable {
        case badURL, unsupportedScheme, resolve, connect, timeout, io, malformedResponse, bodyTooLarge, decoding
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
