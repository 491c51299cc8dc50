import Diagnostics

// MARK: - Grafana provisioning and dashboards

extension LabLoader {
    func loadGrafana(_ lab: inout Lab, _ outcome: inout CheckOutcome) {
        let yaml = [".yml", ".yaml"]
        var provisioningFiles: [String] = []
        let service = lab.service(role: .grafana)
        if let service {
            let provisioning = LabPath.normalize(service.environment("GF_PATHS_PROVISIONING") ?? "/etc/grafana/provisioning")
            let at = service.compose.node(for: "volumes") ?? service.compose.node
            lab.grafanaProvisioningMount = Lab.ConfigMount(
                service: service.name, containerPath: provisioning,
                resolution: service.mounts.resolve(provisioning), location: at?.location)
            for sub in ["datasources", "dashboards"] {
                provisioningFiles += service.mounts.files(in: provisioning + "/" + sub, suffixes: yaml).map(\.host)
            }
        }
        let mounted = !provisioningFiles.isEmpty
        // The conventional directories too: files there that Grafana does not mount are still the
        // student's work (and ProvisioningMountCheck says they are not mounted).
        for sub in ["grafana/provisioning/datasources", "grafana/provisioning/dashboards"] {
            provisioningFiles += LabPath.files(under: LabPath.join(lab.directory, sub), suffixes: yaml, depth: 0)
        }
        var seenProvisioning = Set<String>()
        for path in provisioningFiles where seenProvisioning.insert(path).inserted {
            let (file, diagnostics) = GrafanaProvisioning.load(path: path).parts
            outcome.files.append(path)
            outcome.diagnostics += diagnostics
            guard let file else { continue }
            if !file.datasources.isEmpty { lab.datasourceFiles.append(Lab.File(path: path, value: file)) }
            if !file.providers.isEmpty { lab.dashboardProviderFiles.append(Lab.File(path: path, value: file)) }
        }
        var dashboardPaths: [String] = []
        for file in lab.dashboardProviderFiles {
            for provider in file.value.providers {
                var resolution: LabMountTable.Resolution?
                var found: [String] = []
                if let service, mounted, !provider.path.isEmpty {
                    let r = service.mounts.resolve(provider.path)
                    resolution = r
                    if case .host(let host) = r, LabPath.isFile(host) {
                        found = [host]
                    } else {
                        found = service.mounts.files(in: provider.path, suffixes: [".json"], depth: 4).map(\.host)
                    }
                }
                lab.providerResolutions.append(Lab.ProviderResolution(provider: provider, file: file.path,
                                                                      resolution: resolution, dashboards: found))
                dashboardPaths += found
            }
        }
        for dir in ["grafana/dashboards", "grafana/provisioning/dashboards", "dashboards"] {
            dashboardPaths += LabPath.files(under: LabPath.join(lab.directory, dir), suffixes: [".json"], depth: 4)
        }
        let datasources = lab.datasourceFiles.isEmpty ? nil : lab.datasources
        var seen = Set<String>()
        for path in dashboardPaths where seen.insert(path).inserted {
            let (dashboard, diagnostics) = GrafanaDashboard.load(path: path, datasources: datasources).parts
            outcome.files.append(path)
            outcome.diagnostics += diagnostics
            guard let dashboard else { continue }
            if lint { outcome.diagnostics += GrafanaLints.suite.run(dashboard) }
            lab.dashboards.append(Lab.File(path: path, value: dashboard))
        }
    }
}
