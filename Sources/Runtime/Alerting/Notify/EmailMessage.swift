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

    /// Renders the email fields of `notification` (`subject`, `html`, `text`; Alertmanager's defaults
    /// when not set) with `renderer`.
    public init(_ n: AlertNotification, renderer: NotificationRenderer) throws {
        let i = n.integration
        from = i["from"] ?? "alertmanager@localhost"
        to = i["to"] ?? ""
        subject = Self.headerSafe(try renderer.render(i["subject"] ?? "{{ template \"email.default.subject\" . }}", for: n))
        html = try renderer.render(i["html"] ?? "{{ template \"email.default.html\" . }}", for: n)
        text = try i["text"].map { try renderer.render($0, for: n) } ?? ""
        date = n.time
        messageID = "<\(AlertFingerprint(.init([.init("k", n.groupKey)])).description)."
            + "\(Int64(n.time.timeIntervalSince1970))@labctl>"
    }

    /// The message text with CRLF line ends.
    public var rendered: String {
        var lines = ["From: " + Self.headerSafe(from), "To: " + Self.headerSafe(to), "Subject: " + subject,
                     "Date: " + Self.rfc1123(date), "Message-Id: " + messageID, "MIME-Version: 1.0"]
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
