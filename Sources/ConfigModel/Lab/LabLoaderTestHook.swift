/// Builds a ``LabService`` from a decoded compose service, for tools and tests that have no lab directory.
public enum LabLoaderTestHook {
    /// The lab view of `service`, with relative bind sources resolved against `base`.
    public static func service(_ service: ComposeService, base: String) -> LabService {
        LabService(compose: service, baseDirectory: base)
    }
}
