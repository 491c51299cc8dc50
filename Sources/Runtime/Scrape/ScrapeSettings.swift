import ConfigModel
import Foundation
import PromModel

/// What a job's scrape configuration means for each scrape of its targets: authorization,
/// honour flags, limits and `metric_relabel_configs`, resolved once per configuration.
public struct ScrapeSettings: Sendable {
    public var jobName: String
    public var honorLabels: Bool
    public var honorTimestamps: Bool
    /// 0 = no limit, as in Prometheus.
    public var sampleLimit: Int
    public var labelLimit: Int
    public var labelNameLengthLimit: Int
    public var labelValueLengthLimit: Int
    public var bodySizeLimit: Int
    public var metricRelabeler: Relabeler
    /// The `Authorization` header value, when the job has credentials.
    public var authorization: String?
    /// Where compose service names really listen.
    public var resolver: ServiceResolver
    /// The Accept header sent (from `scrape_protocols`; protobuf first brings native histograms).
    public var acceptHeader: String = Scraper.acceptHeader

    public init(jobName: String, honorLabels: Bool = false, honorTimestamps: Bool = true, sampleLimit: Int = 0,
                labelLimit: Int = 0, labelNameLengthLimit: Int = 0, labelValueLengthLimit: Int = 0,
                bodySizeLimit: Int = 0, metricRelabeler: Relabeler = .identity, authorization: String? = nil,
                resolver: ServiceResolver = ServiceResolver()) {
        self.jobName = jobName
        self.honorLabels = honorLabels
        self.honorTimestamps = honorTimestamps
        self.sampleLimit = sampleLimit
        self.labelLimit = labelLimit
        self.labelNameLengthLimit = labelNameLengthLimit
        self.labelValueLengthLimit = labelValueLengthLimit
        self.bodySizeLimit = bodySizeLimit
        self.metricRelabeler = metricRelabeler
        self.authorization = authorization
        self.resolver = resolver
    }

    /// The settings of `config`; credential files are read relative to `baseDirectory`.
    /// - Throws: ``ScrapeConfigError`` for `https`, unreadable credential files, OAuth 2 and bad
    ///   metric relabel regexes.
    public init(_ config: ScrapeConfig, baseDirectory: String, resolver: ServiceResolver = ServiceResolver()) throws {
        let job = config.jobName
        guard config.scheme.lowercased() == "http" else {
            throw ScrapeConfigError("job \"\(job)\": scheme \"\(config.scheme)\" is not supported by labctl serve (only http)")
        }
        let metricRelabeler: Relabeler
        do {
            metricRelabeler = try Relabeler(config.metricRelabelConfigs)
        } catch {
            throw ScrapeConfigError("job \"\(job)\": metric_relabel_configs: \(error)")
        }
        let http = config.httpClient
        guard http.oauth2 == nil else {
            throw ScrapeConfigError("job \"\(job)\": oauth2 is not supported by labctl serve")
        }
        var authorization: String?
        if let basic = http.basicAuth {
            let user = try basic.username ?? basic.usernameFile.map { try Self.readSecret($0, baseDirectory, job) } ?? ""
            let password = try basic.password ?? basic.passwordFile.map { try Self.readSecret($0, baseDirectory, job) } ?? ""
            authorization = "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
        } else if let auth = http.authorization {
            let credentials = try auth.credentials ?? auth.credentialsFile.map { try Self.readSecret($0.value, baseDirectory, job) }
            if let credentials { authorization = "\(auth.type.isEmpty ? "Bearer" : auth.type) \(credentials)" }
        } else if let token = http.bearerToken {
            authorization = "Bearer \(token)"
        } else if let file = http.bearerTokenFile {
            authorization = "Bearer \(try Self.readSecret(file, baseDirectory, job))"
        }
        let limits = config.limits
        self.init(jobName: job, honorLabels: config.honorLabels, honorTimestamps: config.honorTimestamps,
                  sampleLimit: limits.sampleLimit, labelLimit: limits.labelLimit,
                  labelNameLengthLimit: limits.labelNameLengthLimit, labelValueLengthLimit: limits.labelValueLengthLimit,
                  bodySizeLimit: Int(clamping: limits.bodySizeLimit), metricRelabeler: metricRelabeler,
                  authorization: authorization, resolver: resolver)
        if !config.scrapeProtocols.isEmpty { acceptHeader = Scraper.acceptHeader(protocols: config.scrapeProtocols) }
    }

    private static func readSecret(_ path: String, _ base: String, _ job: String) throws -> String {
        let full = path.hasPrefix("/") ? path : (base as NSString).appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: full), data.count <= 64 * 1024 else {
            throw ScrapeConfigError("job \"\(job)\": cannot read credentials file \"\(path)\"")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
