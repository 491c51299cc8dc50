import Runtime

/// `labctl alertmanager routes show --config FILE`: the routing tree as `amtool config routes show`.
enum AlertmanagerRoutesShowCommand {
    static let spec = CommandSpec(
        name: "show",
        summary: "Print the routing tree",
        discussion: """
        Prints every route with its matchers ('default-route' when it has none), 'continue: true' when
        set, and its receiver (inherited from the parent when not written), as amtool 0.25 does.
        --grouping adds 'grouping: [labels]' like newer amtool releases (labels sorted).
        """,
        examples: [.init("labctl alertmanager routes show --config alertmanager.yml", "Print the routing tree")],
        options: AlertmanagerCommand.configOptions + [
            .flag("grouping", help: "Also print each route's group_by labels (newer amtool)"),
        ],
        run: { arguments, console in
            let route = try AlertmanagerCommand.loadRoute(arguments, console)
            let options = RouteTreePrinter.Options(showGrouping: arguments.flag("grouping"))
            console.out(RouteTreePrinter.show(route, options: options))
            return .success
        }
    )
}
