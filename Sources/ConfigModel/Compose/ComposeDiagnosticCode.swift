/// Stable diagnostic codes for docker-compose files (besides the `yaml/…` decoding codes).
public enum ComposeDiagnosticCode {
    /// A service with neither `image` nor `build`.
    public static let noImage = "compose/no-image"
    /// A port that does not parse (`"80:80:80:80"`, `"99999"`, bad protocol).
    public static let invalidPort = "compose/invalid-port"
    /// Two services (or two ports) publishing the same host port.
    public static let hostPortConflict = "compose/host-port-conflict"
    /// A volume string or long-syntax volume that does not parse.
    public static let invalidVolume = "compose/invalid-volume"
    /// A named volume used by a service but not declared under top-level `volumes`.
    public static let undefinedVolume = "compose/undefined-volume"
    /// A bind-mount source that does not exist relative to the compose file.
    public static let missingBindSource = "compose/missing-bind-source"
    /// A network used by a service but not declared under top-level `networks`.
    public static let undefinedNetwork = "compose/undefined-network"
    /// `depends_on` naming a service that is not defined, or the service itself.
    public static let undefinedDependency = "compose/undefined-dependency"
    /// `depends_on` forming a cycle.
    public static let dependencyCycle = "compose/dependency-cycle"
    /// `condition: service_healthy` on a service without a healthcheck.
    public static let dependencyWithoutHealthcheck = "compose/dependency-without-healthcheck"
    /// A bad `restart` value.
    public static let invalidRestart = "compose/invalid-restart"
    /// Two services with the same `container_name`, or an invalid one.
    public static let containerNameConflict = "compose/container-name-conflict"
    /// A bad healthcheck (test not starting with CMD/CMD-SHELL/NONE, bad duration).
    public static let invalidHealthcheck = "compose/invalid-healthcheck"
    /// A `$` that is not a valid `${VAR}`, `${VAR:-default}`, `$VAR` or `$$`.
    public static let invalidInterpolation = "compose/invalid-interpolation"
    /// A bad `environment` entry.
    public static let invalidEnvironment = "compose/invalid-environment"
    /// The obsolete top-level `version`.
    public static let obsoleteVersion = "compose/obsolete-version"
    /// A `depends_on` condition that is not one of the three allowed.
    public static let invalidCondition = "compose/invalid-condition"
    /// `network_mode` together with `networks`.
    public static let networkModeConflict = "compose/network-mode-conflict"
}
