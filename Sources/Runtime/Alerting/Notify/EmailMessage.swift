import Foundation

/// An email notification as an RFC 5322 message (`.eml`): `From`, `To`, `Subject`, `Date`,
/// `Message-Id`, `MIME-Version`, `Content-Type`, then the body — HTML (Alertmanager's default), plain
/// text, or both as `multipart/alternative`.
public struct EmailMessage: Sendable {
    public var from: String
    public var to: String
    public var subject: String
    public var date: Date
    public var messageID: String
    public var html: String
    public var text: String
    /// Further headers from the config's `headers` map, rendered, sorted by name.
    public var extraHeaders: [(name: String, value: String)]

    /// Renders the email fields of `notification` with `renderer`: the `headers` map (`Subject`,
    /// `To`, `From` there win over the `to`/`from` settings, as in Alertmanager, whose subject is only
    /// a header), `html` and `text`; Alertmanager's defaults when not set.
    public init(_ n: AlertNotification, renderer: NotificationRenderer) throws {
        let i = n.integration
        var headerTemplates: [String: String] = [:]
        for header in i.headers { headerTemplates[header.name] = header.value }
        func header(_ name: String) throws -> String? {
            try headerTemplates[name].map { Self.headerSafe(try renderer.render($0, for: n)) }
        }
        from = try header("From") ?? i["from"] ?? "alertmanager@localhost"
        to = try header("To") ?? i["to"] ?? ""
        let subjectTemplate = headerTemplates["Subject"] ?? i["subject"] ?? "{{ template \"email.default.subject\" . }}"
        subject = Self.headerSafe(try renderer.render(subjectTemplate, for: n))
        extraHeaders = try headerTemplates.keys.filter { !["From", "To", "Subject"].contains($0) }.sorted().map { name in
            (name, try header(name) ?? "")
        }
        html = try renderer.render(i["html"] ?? "{{ template \"email.default.html\" . }}", for: n)
        text = try i["text"].map { try renderer.render($0, for: n) } ?? ""
        date = n.time
        messageID = "<\(AlertFingerprint(.init([.init("k", n.groupKey)])).description)."
            + "\(Int64(n.time.timeIntervalSince1970))@labctl>"
    }

    /// The message text with CRLF line ends.
    public var rendered: String {
        var lines = ["From: " + Self.headerSafe(from), "To: " + Self.headerSafe(to), "Subject: " + subject,
                     "Date: " + Self.rfc1123(date), "Message-Id: " + messageID]
        lines += extraHeaders.map { Self.headerSafe($0.name) + ": " + $0.value }
        lines.append("MIME-Version: 1.0")
        var body: [String]
        switch (html.isEmpty, text.isEmpty) {
        case (false, false):
            let boundary = "labctl-" + String(messageID.dropFirst().prefix(16))
            lines.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
            body = ["--" + boundary, "Content-Type: text/plain; charset=UTF-8", "", text,
                    "--" + boundary, "Content-Type: text/html; charset=UTF-8", "", html, "--" + boundary + "--"]
        case (false, true):
            lines.append("Content-Type: text/html; charset=UTF-8")
            body = [html]
        default:
            lines.append("Content-Type: text/plain; charset=UTF-8")
            body = [text]
        }
        let all = lines + [""] + body
        return all.joined(separator: "\n").replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
    }

    /// Header values stay on one line.
    static func headerSafe(_ s: String) -> String {
        String(s.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }

    /// `Mon, 02 Jan 2006 15:04:05 +0000` in UTC.
    static func rfc1123(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
