/// The version of labctl and the platform it was built for.
enum LabctlVersion {
    /// Semantic version of this build.
    static let current = "0.1.0-dev"

    /// `linux-x86_64`, `macos-arm64`, …
    static var platform: String {
        #if os(Linux)
        let os = "linux"
        #elseif os(macOS)
        let os = "macos"
        #else
        let os = "unknown"
        #endif
        #if arch(x86_64)
        let arch = "x86_64"
        #elseif arch(arm64)
        let arch = "arm64"
        #else
        let arch = "unknown"
        #endif
        return "\(os)-\(arch)"
    }
}
