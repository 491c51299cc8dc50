import YAML

/// The volumes of one compose service as a map between container paths and host paths.
///
/// ```swift
/// // ./prometheus:/etc/prometheus
/// table.resolve("/etc/prometheus/alert_rules.yml")   // .host("lab/prometheus/alert_rules.yml", …)
/// table.resolve("/prometheus/data")                   // .volume("prometheus_data") if a named volume is there
/// ```
/// The longest mount target containing a path wins, as in the container's mount namespace.
public struct LabMountTable: Sendable {
    /// One mount: a host path (bind) or a named volume, at an absolute container path.
    public struct Entry: Sendable {
        /// The host path of a bind mount, joined to the compose file's directory.
        public var hostPath: String?
        /// The named volume, for volume mounts.
        public var volume: String?
        public var containerPath: String
        /// The `volumes:` item, for positions.
        public var node: YAMLNode?
    }

    /// Where a container path lives.
    public enum Resolution: Sendable, Equatable {
        /// In a bind mount: the host path it comes from.
        case host(String)
        /// In a named or anonymous volume: not a host file labctl can read.
        case volume(String?)
        /// In the image's own file system: nothing the lab provides.
        case image
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// Builds the table of `service`, joining relative bind sources to `baseDirectory`.
    init(service: ComposeService, baseDirectory: String) {
        let items = service.node?["volumes"]?.sequence ?? []
        var out: [Entry] = []
        for (i, mount) in service.volumes.enumerated() {
            guard mount.kind == .bind || mount.kind == .volume else { continue }
            let node = items.indices.contains(i) ? items[i] : service.node(for: "volumes")
            let target = LabPath.normalize(mount.target)
            if mount.kind == .bind, let source = mount.source {
                let host = source.hasPrefix("~") || source.hasPrefix("$") ? source : LabPath.join(baseDirectory, source)
                out.append(Entry(hostPath: host, volume: nil, containerPath: target, node: node))
            } else {
                out.append(Entry(hostPath: nil, volume: mount.source, containerPath: target, node: node))
            }
        }
        entries = out
    }

    /// The mount holding `containerPath` (the longest target that is the path or one of its parents).
    public func entry(containing containerPath: String) -> Entry? {
        let path = LabPath.normalize(containerPath)
        var best: Entry?
        for e in entries where LabPath.relative(path, to: e.containerPath) != nil {
            if e.containerPath.count >= (best?.containerPath.count ?? -1) { best = e }
        }
        return best
    }

    /// Where `containerPath` comes from.
    public func resolve(_ containerPath: String) -> Resolution {
        guard let e = entry(containing: containerPath) else { return .image }
        guard let host = e.hostPath else { return .volume(e.volume) }
        let rest = LabPath.relative(containerPath, to: e.containerPath) ?? ""
        return .host(rest.isEmpty ? host : LabPath.join(host, rest))
    }

    /// The host path of `containerPath`, when it is bind-mounted.
    public func hostPath(_ containerPath: String) -> String? {
        if case .host(let path) = resolve(containerPath) { return path }
        return nil
    }

    /// Files under the container directory `directory` (recursively up to `depth`) whose names end in one of
    /// `suffixes`, as (container path, host path), from bind-mounted directories and bind-mounted files.
    func files(in directory: String, suffixes: [String], depth: Int = 0) -> [(container: String, host: String)] {
        let dir = LabPath.normalize(directory)
        var out: [(container: String, host: String)] = []
        var seen = Set<String>()
        func add(_ container: String, _ host: String) {
            guard suffixes.contains(where: { container.hasSuffix($0) }), seen.insert(container).inserted else { return }
            out.append((container, host))
        }
        if case .host(let hostDir) = resolve(dir), LabPath.isDirectory(hostDir) {
            for file in LabPath.files(under: hostDir, suffixes: suffixes, depth: depth) {
                let rest = LabPath.relative(file, to: hostDir) ?? LabPath.fileName(of: file)
                let container = LabPath.join(dir, rest)
                // A deeper mount shadows what the directory mount provides at that path.
                if case .host(let h) = resolve(container), h == file { add(container, file) }
            }
        }
        // Mounts inside the directory (files mounted one by one, or sub-directories).
        for e in entries {
            guard let host = e.hostPath, let rest = LabPath.relative(e.containerPath, to: dir), !rest.isEmpty,
                  rest.split(separator: "/").count <= depth + 1 else { continue }
            if LabPath.isDirectory(host) {
                for file in LabPath.files(under: host, suffixes: suffixes, depth: max(0, depth - 1)) {
                    add(LabPath.join(e.containerPath, LabPath.relative(file, to: host) ?? ""), file)
                }
            } else {
                add(e.containerPath, host)
            }
        }
        return out.sorted { $0.container < $1.container }
    }

    /// The short description of the bind mounts, for messages (`./prometheus/prometheus.yml:/etc/…`).
    var bindSummary: String {
        let binds = entries.compactMap { e in e.hostPath.map { _ in e.node?.scalarValue ?? e.containerPath } }
        return binds.isEmpty ? "no bind mounts" : binds.joined(separator: ", ")
    }
}
