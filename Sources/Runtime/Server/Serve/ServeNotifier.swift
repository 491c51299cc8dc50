import ConfigModel
import Foundation

/// The notifier of `labctl serve`'s embedded Alertmanager: webhooks are really posted, email and the
/// other integrations are written to an outbox folder; templates come from the configuration's
/// `templates:` globs (relative to the alertmanager.yml's folder).
enum ServeNotifier {
    static func make(config: AlertmanagerConfig, configPath: String, outbox: String) throws -> OutboxNotifier {
        let base = (configPath as NSString).deletingLastPathComponent
        var files: [(name: String, text: String)] = []
        for pattern in config.templates {
            for path in FileGlob.match(FileGlob.resolve(pattern, relativeTo: base.isEmpty ? "." : base)) {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ServeError("cannot read the Alertmanager template \(path)")
                }
                files.append((path, String(decoding: data, as: UTF8.self)))
            }
        }
        let renderer: TemplateNotificationRenderer
        do { renderer = try TemplateNotificationRenderer(files: files) } catch {
            throw ServeError("an Alertmanager template does not parse: \(error)")
        }
        return OutboxNotifier(outbox: URL(fileURLWithPath: outbox), renderer: renderer)
    }
}
