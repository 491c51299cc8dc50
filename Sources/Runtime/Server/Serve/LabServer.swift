import ConfigModel
import Foundation
import PromModel
import Storage

/// The in-process Prometheus of `labctl serve`: the store, the scrape manager on the lab's
/// prometheus.yml, the rule manager on the wall clock, alerts to the embedded Alertmanager and/or
/// real ones, and the HTTP handler that serves Prometheus's API (and Alertmanager's v2 API when
/// embedded). ``reload()`` applies a new configuration or keeps the running one.
///
/// ```swift
/// let server = try LabServer(options: options)
/// try server.loadData()
/// server.start()
/// let http = HTTPServer(configuration: .init(port: 9090), handler: server.handler)
/// ```
public final class LabServer: @unchecked Sendable {
    /// How the server was started.
    public let options: ServeOptions
    /// Where samples live (what queries read).
    public let storage: MemoryStorage
    /// Where scrapes, rules and remote writes append: the write-ahead-logged store with
    /// `--storage.tsdb.path`, else ``storage`` itself.
    public let appendable: any Appendable
    /// The write-ahead-logged store, with `--storage.tsdb.path`.
    public let persistent: PersistentStorage?
    /// One queue per `remote_write` entry (built at start; a reload keeps them).
    public let remoteWriteQueues: [RemoteWriteQueue]
    /// The PromQL engine of queries and rules.
    public let engine: Engine
    /// Scrapes the configuration's targets into ``storage``.
    public let scrapeManager: ScrapeManager
    /// When the server was created.
    public let startTime = Date()
    /// The external Alertmanagers' client (nil when the configuration names none outside labctl).
    public private(set) var alertmanagerClient: AlertmanagerClient?

    private let lock = NSLock()
    private var current: ServeConfiguration
    private let rules: RuleManager
    private var embedded: Dispatcher?
    private var embeddedAPI: AlertmanagerAPI?
    private var ticker: Thread?
    private var stopped = false
    private var reloads = (total: 0, failed: 0, lastSuccess: Date(), lastFailure: Date.distantPast)
    private var quitHandler: (@Sendable () -> Void)?
    private var ruleFailures: [RuleEvaluationFailure] = []

    /// Loads the configuration, rule files and Alertmanager configuration of `options`.
    /// - Throws: ``ServeError`` when any of them is invalid or a service name does not resolve.
    public init(options: ServeOptions, storage: MemoryStorage? = nil) throws {
        self.options = options
        let configuration = try ServeConfiguration.load(options)
        if let path = options.storagePath {
            var walOptions = PersistentStorageOptions(retention: Duration(milliseconds: options.retention))
            walOptions.checkpointInterval = options.checkpointInterval
            do { persistent = try PersistentStorage.open(directory: path, options: walOptions) } catch {
                throw ServeError("cannot open the storage directory \(path): \(error)")
            }
        } else {
            persistent = nil
        }
        let store = persistent?.memory ?? storage ?? MemoryStorage()
        self.storage = store
        engine = Engine(options: EngineOptions(maxSamples: options.queryMaxSamples, timeout: options.queryTimeout))
        let resolver: ServiceResolver
        let queues: [RemoteWriteQueue]
        do {
            resolver = try Self.resolver(options, configuration)
            let external = Labels(configuration.prometheus.global.externalLabels.map { Label($0.name, $0.value) })
            queues = try configuration.prometheus.remoteWrite.map {
                RemoteWriteQueue(settings: try RemoteWriteSettings($0, externalLabels: external,
                                                                   baseDirectory: configuration.baseDirectory,
                                                                   resolve: resolver.resolve))
            }
        } catch {
            try? persistent?.close()
            if let serveError = error as? ServeError { throw serveError }
            throw ServeError("\(error)")
        }
        remoteWriteQueues = queues
        let base: any Appendable = persistent ?? store
        appendable = queues.isEmpty ? base : ForwardingAppendable(inner: base, queues: queues)
        scrapeManager = ScrapeManager(storage: appendable, resolver: resolver)
        current = configuration
        rules = RuleManager(options: RuleManagerOptions(query: engine.ruleQuery(over: store), storage: appendable,
                                                        clock: SystemClock()))
        do {
            try scrapeManager.apply(configuration.prometheus, baseDirectory: configuration.baseDirectory)
            try install(configuration, reloading: false)
        } catch {
            try? persistent?.close()
            if let serveError = error as? ServeError { throw serveError }
            throw ServeError("the configuration \(options.configPath) cannot be scraped: \(error)")
        }
    }

    /// The URL of this server (for generator URLs and `$externalURL`).
    public var externalURL: String { options.externalURL ?? "http://\(options.listenAddress)" }

    // MARK: - Data

    /// Loads `options.dataFiles` into the store.
    /// - Throws: ``ServeError`` naming the file and the position of the first error.
    @discardableResult
    public func loadData() throws -> [DataFileLoader.Summary] {
        var out: [DataFileLoader.Summary] = []
        for file in options.dataFiles {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ServeError("cannot read the data file \(file)")
            }
            do {
                out.append(try DataFileLoader.load(String(decoding: data, as: UTF8.self), file: file, into: storage))
            } catch {
                throw ServeError("\(error)")
            }
        }
        return out
    }

    // MARK: - Running

    /// Starts scraping and the rule/alert ticker.
    public func start() {
        for queue in remoteWriteQueues { queue.start() }
        scrapeManager.start()
        rules.start()
        let thread = Thread { [weak self] in self?.tickLoop() }
        thread.name = "labctl.rules"
        lock.withLock { ticker = thread }
        thread.start()
    }

    /// Stops scraping and rule evaluation, and closes the write-ahead log (a last sync and
    /// checkpoint); the store stays readable.
    /// - Throws: ``ServeError`` when the log could not be closed cleanly (data up to the last sync is kept).
    public func stop() throws {
        let wasStopped = lock.withLock { () -> Bool in
            defer { stopped = true }
            return stopped
        }
        if wasStopped { return }
        scrapeManager.stop()
        alertmanagerClient?.drain()
        for queue in remoteWriteQueues { queue.stop(timeout: 10) }
        do { try persistent?.close() } catch { throw ServeError("closing the storage: \(error)") }
    }

    private func tickLoop() {
        var lastRetention = Date()
        while true {
            let (dispatcher, done) = lock.withLock { (embedded, stopped) }
            if done { return }
            let failures = rules.runDue()
            if !failures.isEmpty {
                lock.withLock {
                    ruleFailures = Array((ruleFailures + failures).suffix(100))
                }
            }
            _ = dispatcher?.runDue()
            if persistent == nil, Date().timeIntervalSince(lastRetention) > 60 {
                _ = storage.applyRetention(Duration(milliseconds: options.retention), now: SystemClock().milliseconds)
                lastRetention = Date()
            }
            Thread.sleep(forTimeInterval: max(0.01, options.tickInterval))
        }
    }

    // MARK: - Reloading

    /// Reads the configuration files again and applies them; on any error the running configuration
    /// stays and the error is thrown. The store and the alerts' state are kept.
    public func reload() throws {
        do {
            let configuration = try ServeConfiguration.load(options)
            let resolver = try Self.resolver(options, configuration)
            guard resolver == scrapeManager.resolver else {
                throw ServeError("service addresses changed (compose ports): restart labctl serve to use them")
            }
            try scrapeManager.apply(configuration.prometheus, baseDirectory: configuration.baseDirectory)
            try install(configuration, reloading: true)
            lock.withLock {
                reloads.total += 1
                reloads.lastSuccess = Date()
            }
        } catch {
            lock.withLock {
                reloads.total += 1
                reloads.failed += 1
                reloads.lastFailure = Date()
            }
            if let serveError = error as? ServeError { throw serveError }
            throw ServeError("reload failed: \(error)")
        }
    }

    /// Builds the rule manager, alert sender and embedded Alertmanager of `configuration` and swaps them in.
    private func install(_ configuration: ServeConfiguration, reloading: Bool) throws {
        let prometheus = configuration.prometheus
        let externalLabels = Labels(prometheus.global.externalLabels.map { Label($0.name, $0.value) })
        var dispatcher = lock.withLock { embedded }
        var api = lock.withLock { embeddedAPI }
        if let (amConfig, amText) = configuration.alertmanager {
            if dispatcher == nil || reloading {
                do {
                    dispatcher = try Dispatcher(config: amConfig, clock: SystemClock(),
                                                notifier: ServeNotifier.make(config: amConfig,
                                                                               configPath: options.alertmanagerConfigPath ?? "",
                                                                               outbox: options.outboxPath),
                                                externalURL: externalURL)
                } catch let error as ServeError {
                    throw error
                } catch {
                    throw ServeError("the Alertmanager configuration cannot run: \(error)")
                }
                if let old = lock.withLock({ embedded }), let fresh = dispatcher {
                    for silence in old.silences.all { _ = try? fresh.silences.add(silence) }
                    fresh.receive(old.alerts)
                }
                api = dispatcher.map { AlertmanagerAPI(dispatcher: $0, configText: amText, startTime: startTime) }
            }
        }
        let urls = alertmanagerURLs(prometheus)
        let client = urls.external.isEmpty ? nil : AlertmanagerClient(urls: urls.external)
        let deliverToEmbedded = urls.includesSelf || configuration.alertmanager != nil
        let target = dispatcher
        let sender = try AlertSender(externalLabels: externalLabels,
                                     relabeler: Relabeler(prometheus.alerting.alertRelabelConfigs),
                                     endpointRelabeler: Relabeler(prometheus.alerting.alertmanagers.first?.alertRelabelConfigs ?? [])) { alerts in
            if deliverToEmbedded { target?.receive(alerts) }
            client?.send(alerts)
        }
        var ruleOptions = RuleManagerOptions(query: engine.ruleQuery(over: storage), storage: appendable,
                                             clock: SystemClock(), notify: sender.notifyFunc)
        ruleOptions.evaluationInterval = max(1, prometheus.global.evaluationInterval.milliseconds)
        ruleOptions.defaultQueryOffset = max(0, prometheus.global.ruleQueryOffset.milliseconds)
        ruleOptions.externalLabels = externalLabels
        ruleOptions.externalURL = externalURL
        do { try rules.load(configuration.ruleFiles, options: ruleOptions) } catch {
            throw ServeError("\(error)")
        }
        lock.withLock {
            current = configuration
            embedded = dispatcher
            embeddedAPI = api
            alertmanagerClient = client
        }
    }

    /// The `/api/v2/alerts` URLs of `alerting.alertmanagers` (resolved), and whether one is this server.
    private func alertmanagerURLs(_ config: PrometheusConfig) -> (external: [String], includesSelf: Bool) {
        var urls: [String] = []
        var includesSelf = false
        for endpoint in config.alerting.alertmanagers {
            var prefix = endpoint.pathPrefix
            if prefix.hasSuffix("/") { prefix.removeLast() }
            for group in endpoint.serviceDiscovery.staticConfigs {
                for target in group.targets {
                    let address = scrapeManager.resolver.resolve(target.value)
                    if address == options.listenAddress || address == "localhost:" + listenPort {
                        includesSelf = true
                    } else {
                        urls.append("\(endpoint.scheme)://\(address)\(prefix)/api/v2/alerts")
                    }
                }
            }
        }
        return (urls, includesSelf)
    }

    private var listenPort: String {
        options.listenAddress.split(separator: ":").last.map(String.init) ?? ""
    }

    private static func resolver(_ options: ServeOptions, _ configuration: ServeConfiguration) throws -> ServiceResolver {
        var resolver = ServiceResolver()
        if let lab = options.labDirectory {
            for name in ["docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml"] {
                let path = (lab as NSString).appendingPathComponent(name)
                guard FileManager.default.fileExists(atPath: path) else { continue }
                let loaded = ComposeFile.load(path: path)
                if let compose = loaded.value { resolver.add(compose: compose) }
                break
            }
        }
        do { resolver.merge(try ServiceResolver(pairs: options.resolve)) } catch {
            throw ServeError("\(error)")
        }
        return resolver
    }

    // MARK: - State

    /// The running configuration.
    public var configuration: ServeConfiguration { lock.withLock { current } }
    /// The running rule manager.
    public var ruleManager: RuleManager { rules }
    /// The embedded Alertmanager's dispatcher, when one runs.
    public var dispatcher: Dispatcher? { lock.withLock { embedded } }
    /// The embedded Alertmanager's API, when one runs.
    public var alertmanagerAPI: AlertmanagerAPI? { lock.withLock { embeddedAPI } }
    /// Reloads tried and failed, and when the last one succeeded.
    public var reloadStats: (total: Int, failed: Int, lastSuccess: Date, lastFailure: Date) { lock.withLock { reloads } }

    /// What `POST /-/quit` (with lifecycle enabled) calls: set by whoever runs the HTTP server.
    public func onQuit(_ handler: @escaping @Sendable () -> Void) { lock.withLock { quitHandler = handler } }

    func requestQuit() {
        let handler = lock.withLock { quitHandler }
        handler?()
    }
    /// The latest rule evaluation failures (at most 100).
    public var recentRuleFailures: [RuleEvaluationFailure] { lock.withLock { ruleFailures } }
}
