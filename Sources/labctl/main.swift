import Foundation

let runner = CommandRunner(root: CommandTable.root, version: LabctlVersion.current)
exit(runner.run(Array(CommandLine.arguments.dropFirst()), console: .standard()).rawValue)
