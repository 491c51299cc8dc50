import ConfigModel
import Foundation

/// `labctl check compose FILE...`: validates docker-compose files.
enum CheckComposeCommand {
    static let spec = CommandSpec(
        name: "compose",
        summary: "Check docker-compose files",
        discussion: """
        Validates against the Compose specification (strict keys, ports, volumes, networks, depends_on,
        environment, restart, healthcheck, ${VAR} interpolation) and checks what would fail at `up`:
        host-port and container-name clashes, undefined volumes/networks/services, bind sources that do
        not exist beside the file. Lints: latest tags, services without a restart policy.
        """,
        examples: [.init("labctl check compose docker-compose.yml", "Check a compose file")],
        options: ConfigFileCheck.options,
        positionals: [.files()],
        run: { arguments, console in
            try ConfigFileCheck.run(arguments, console, expected: .compose) { text, file, lint in
                let base = file == "<stdin>" ? nil : (file as NSString).deletingLastPathComponent
                return ComposeFile.check(text: text, file: file, baseDirectory: base.map { $0.isEmpty ? "." : $0 },
                                         lint: lint)
            }
        }
    )
}
