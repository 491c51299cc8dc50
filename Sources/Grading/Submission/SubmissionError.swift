/// Why a submission file could not be read. Each case is a finding about the submission, shown to the
/// student, never a crash.
public enum SubmissionError: Error, Sendable, Hashable {
    case notFound(String)
    case notDirectory(String)
    case notRegular(String)
    case symlink(String)
    case outside(String)
    case tooLarge(String, bytes: Int, limit: Int)
    case notText(String)
    case unreadable(String)

    /// The path the error is about.
    public var path: String {
        switch self {
        case .notFound(let p), .notDirectory(let p), .notRegular(let p), .symlink(let p), .outside(let p),
             .notText(let p), .unreadable(let p):
            return p
        case .tooLarge(let p, _, _):
            return p
        }
    }

    /// The message in `language` (`es` or `en`).
    public func message(_ language: GradingLanguage) -> String {
        let say = language.say
        switch self {
        case .notFound(let p):
            return say("the file \(p) is missing")
        case .notDirectory(let p):
            return say("\(p) is not a directory")
        case .notRegular(let p):
            return say("\(p) is not a regular file")
        case .symlink(let p):
            return say("\(p) is a symbolic link: the grader never follows links, put the real file there")
        case .outside(let p):
            return say("the path \(p) leaves the lab folder: use relative paths inside it")
        case .tooLarge(let p, let bytes, let limit):
            return say("\(p) has \(bytes) bytes, more than the limit of \(limit)")
        case .notText(let p):
            return say("\(p) is not UTF-8 text")
        case .unreadable(let p):
            return say("\(p) cannot be read")
        }
    }
}
