import YAML

/// One service of a compose file, with the settings labctl checks typed and the rest kept in `node`.
public struct ComposeService: Sendable {
    /// A `depends_on` entry.
    public struct Dependency: Hashable, Sendable {
        public var service: String
        /// `service_started` (the default for the list form), `service_healthy` or `service_completed_successfully`.
        public var condition: String
        public var required: Bool
        public init(service: String, condition: String = "service_started", required: Bool = true) {
            self.service = service
            self.condition = condition
            self.required = required
        }
    }

    public var name: String
    public var image: String?
    /// The build context (`build: ./dir` or `build.context`), `"."` when `build` has no context.
    public var buildContext: String?
    public var containerName: String?
    public var ports: [ComposePort] = []
    public var volumes: [ComposeVolumeMount] = []
    /// Networks joined, in order; `["default"]` is implied when empty and no `network_mode`.
    public var networks: [String] = []
    public var networkMode: String?
    public var dependsOn: [Dependency] = []
    /// Environment variables; a `nil` value takes the variable from the shell.
    public var environment: [(name: String, value: String?)] = []
    /// `command` as a list; a string command is split on spaces as written.
    public var command: [String]?
    /// `restart`: `no`, `always`, `on-failure[:N]`, `unless-stopped`; `nil` when absent (Docker's `no`).
    public var restart: String?
    public var hasHealthcheck = false
    public var node: YAMLNode?

    public init(name: String, image: String? = nil) {
        self.name = name
        self.image = image
    }

    /// The key node of `key` in the service, else the service.
    public func node(for key: String) -> YAMLNode? {
        guard let node else { return nil }
        return YAMLMapping(node: node).keyNode(key) ?? node
    }

    static let keys = [
        "annotations", "attach", "blkio_config", "build", "cap_add", "cap_drop", "cgroup", "cgroup_parent",
        "command", "configs", "container_name", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota",
        "cpu_rt_period", "cpu_rt_runtime", "cpu_shares", "cpus", "cpuset", "credential_spec", "depends_on",
        "deploy", "develop", "device_cgroup_rules", "devices", "dns", "dns_opt", "dns_search", "domainname",
        "entrypoint", "env_file", "environment", "expose", "extends", "external_links", "extra_hosts", "gpus",
        "group_add", "healthcheck", "hostname", "image", "init", "ipc", "isolation", "label_file", "labels", "links",
        "logging", "mac_address", "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit", "models",
        "network_mode", "networks", "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports",
        "post_start", "pre_stop", "privileged", "profiles", "provider", "pull_policy", "pull_refresh_after",
        "read_only", "restart", "runtime", "scale", "secrets", "security_opt", "shm_size", "stdin_open",
        "stop_grace_period", "stop_signal", "storage_opt", "sysctls", "tmpfs", "tty", "ulimits", "use_api_socket",
        "user", "userns_mode", "uts", "volumes", "volumes_from", "working_dir",
    ]
    static let buildKeys = ["context", "dockerfile", "dockerfile_inline", "args", "ssh", "cache_from", "cache_to",
                            "additional_contexts", "entitlements", "extra_hosts", "isolation", "labels", "network",
                            "no_cache", "platforms", "privileged", "pull", "secrets", "shm_size", "tags", "target",
                            "ulimits"]
    static let healthcheckKeys = ["test", "interval", "timeout", "retries", "start_period", "start_interval",
                                  "disable"]
    static let conditions = ["service_started", "service_healthy", "service_completed_successfully"]
}
