/// `/api/v1/status/buildinfo`: what was built, from which revision, with which compiler.
public struct APIBuildInfo: Hashable, Sendable {
    public var version: String
    public var revision: String
    public var branch: String
    public var buildUser: String
    public var buildDate: String
    /// Prometheus's `goVersion`; labctl puts its Swift compiler here.
    public var goVersion: String

    public init(version: String = "0.0.0", revision: String = "", branch: String = "", buildUser: String = "",
                buildDate: String = "", goVersion: String = APIBuildInfo.compiler) {
        self.version = version
        self.revision = revision
        self.branch = branch
        self.buildUser = buildUser
        self.buildDate = buildDate
        self.goVersion = goVersion
    }

    /// The Swift language version this was compiled with (`swift6.0`).
    public static var compiler: String {
        #if swift(>=6.2)
        return "swift6.2"
        #elseif swift(>=6.1)
        return "swift6.1"
        #else
        return "swift6.0"
        #endif
    }
}
