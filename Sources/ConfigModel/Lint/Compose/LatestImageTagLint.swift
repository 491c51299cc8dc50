import Diagnostics

/// An image without a tag or tagged `latest`: the lab changes under the students' feet when upstream
/// publishes a new release.
///
/// Triggers: `image: prom/prometheus:latest`, `image: redis`. Does not trigger: `image: prom/prometheus:v2.53.0`
/// or an image pinned by digest (`@sha256:…`).
public struct LatestImageTagLint: LintRule {
    public static let code = "compose-lint/latest-tag"
    public static let summary = "image uses the latest tag (or no tag)"

    public init() {}

    public func check(_ compose: ComposeFile) -> [Diagnostic] {
        compose.services.compactMap { s in
            guard let image = s.image, !image.contains("@"), !image.contains("$") else { return nil }
            let lastComponent = image.split(separator: "/").last.map(String.init) ?? image
            let tag = lastComponent.split(separator: ":", maxSplits: 1).dropFirst().first.map(String.init)
            guard tag == nil || tag == "latest" else { return nil }
            return .warning(Self.code, "service \"\(s.name)\" uses image \"\(image)\" without a pinned version",
                            at: s.node?["image"]?.location)
        }
    }
}
