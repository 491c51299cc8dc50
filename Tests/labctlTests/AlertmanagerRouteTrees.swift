import Foundation

/// Route trees and label sets shared by the `alertmanager routes` tests and the amtool agreement test.
enum AlertmanagerRouteTrees {
    struct Case {
        let name: String
        let yaml: String
        let labelSets: [[String]]
    }

    static let receivers = """
    receivers:
      - name: default
      - name: pager
      - name: dba
      - name: web
      - name: ops
      - name: audit
      - name: eu
      - name: slack
    """

    static let cases: [Case] = [
        Case(name: "nested-continue", yaml: """
        route:
          receiver: default
          group_by: [alertname]
          routes:
            - matchers: ['severity="critical"']
              receiver: pager
              continue: true
              routes:
                - match: {team: db}
                  receiver: dba
            - match_re: {service: "api|web"}
              receiver: web
        """, labelSets: [[], ["severity=critical"], ["severity=critical", "team=db"], ["service=api"],
                         ["severity=critical", "service=web"], ["service=apis"], ["team=db"]]),
        Case(name: "inheritance", yaml: """
        route:
          receiver: default
          group_by: [alertname, cluster]
          group_wait: 10s
          routes:
            - matchers: [team=ops]
              routes:
                - matchers: [severity=critical]
                  receiver: pager
                - matchers: [severity=warning]
            - matchers: [team=db]
              receiver: dba
              group_by: ['...']
              routes:
                - matchers: [env=prod]
        """, labelSets: [["team=ops"], ["team=ops", "severity=critical"], ["team=ops", "severity=warning"],
                         ["team=db"], ["team=db", "env=prod"], ["env=prod"]]),
        Case(name: "negative", yaml: """
        route:
          receiver: default
          routes:
            - matchers: ['env!="dev"', 'severity=~"critical|page"']
              receiver: pager
            - matchers: ['team!~"db|ops"']
              receiver: web
              continue: true
            - matchers: ['team=~".+"']
              receiver: ops
        """, labelSets: [[], ["severity=page"], ["severity=page", "env=dev"], ["team=db"], ["team=web"],
                         ["team=ops", "severity=critical", "env=prod"]]),
        Case(name: "continue-chain", yaml: """
        route:
          receiver: default
          routes:
            - receiver: audit
              continue: true
            - matchers: [severity=critical]
              receiver: pager
              continue: true
            - matchers: [severity=critical]
              receiver: ops
            - matchers: [severity=critical]
              receiver: slack
            - receiver: web
        """, labelSets: [[], ["severity=critical"], ["severity=warning"], ["severity=critical", "team=x"],
                         ["alertname=Down"]]),
        Case(name: "deep", yaml: """
        route:
          receiver: default
          routes:
            - match: {region: eu}
              receiver: eu
              routes:
                - match: {zone: eu-1}
                  routes:
                    - match: {team: db}
                      receiver: dba
                    - match: {team: web}
                      receiver: web
                      continue: true
                    - match_re: {team: "web|ops"}
                      receiver: ops
                - match: {zone: eu-2}
                  receiver: slack
        """, labelSets: [["region=eu"], ["region=eu", "zone=eu-1"], ["region=eu", "zone=eu-1", "team=db"],
                         ["region=eu", "zone=eu-1", "team=web"], ["region=eu", "zone=eu-2", "team=web"],
                         ["zone=eu-1", "team=db"]]),
        Case(name: "mixed-syntax", yaml: """
        route:
          receiver: default
          routes:
            - match: {app: shop}
              match_re: {env: "prod|staging"}
              matchers: ['tier="frontend"']
              receiver: web
            - matchers: ['app="shop"', 'env=~"prod.*"']
              receiver: pager
            - matchers: ['{app="blog", env!="dev"}']
              receiver: slack
        """, labelSets: [["app=shop", "env=prod", "tier=frontend"], ["app=shop", "env=prod"],
                         ["app=shop", "env=production", "tier=backend"], ["app=blog"], ["app=blog", "env=dev"],
                         ["app=shop", "env=staging", "tier=frontend"]]),
        Case(name: "quoted-values", yaml: """
        route:
          receiver: default
          routes:
            - matchers: ['summary="disk \\"full\\""']
              receiver: ops
            - matchers: ['path=~"/api/v[0-9]+/.*"']
              receiver: web
            - match: {instance: "host:9100"}
              receiver: pager
        """, labelSets: [["summary=disk \"full\""], ["path=/api/v2/users"], ["path=/api/vx/users"],
                         ["instance=host:9100"], ["instance=\"host:9100\""], []]),
        Case(name: "root-group-all", yaml: """
        route:
          receiver: default
          group_by: ['...']
          routes:
            - matchers: [severity=info]
              receiver: slack
              group_by: [alertname]
              continue: true
            - matchers: [severity=~"info|warning"]
              receiver: ops
              routes:
                - matchers: [team=db]
                  receiver: dba
                  continue: true
                - matchers: [team=~"db|web"]
                  receiver: web
        """, labelSets: [["severity=info"], ["severity=info", "team=db"], ["severity=warning", "team=web"],
                         ["severity=warning", "team=x"], ["severity=critical", "team=db"]]),
        Case(name: "catch-all-first", yaml: """
        route:
          receiver: default
          routes:
            - receiver: audit
            - matchers: [severity=critical]
              receiver: pager
        """, labelSets: [[], ["severity=critical"], ["alertname=X"], ["severity=critical", "team=db"],
                         ["severity=info"]]),
    ]

    /// The case's file text (route plus the shared receivers).
    static func file(_ c: Case) -> String { c.yaml + "\n" + receivers + "\n" }
}
