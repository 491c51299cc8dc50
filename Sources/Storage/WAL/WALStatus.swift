/// A storage directory's state, for status pages (`/api/v1/status/runtimeinfo`, `/metrics`).
public struct WALStatus: Sendable {
    /// The storage directory.
    public var directory: String
    /// The segment being written.
    public var currentSegment: Int
    /// Commits logged since open, and how many of them are fsynced.
    public var commits: UInt64
    public var durableCommits: UInt64
    /// Bytes logged since open.
    public var loggedBytes: Int64
    /// The last checkpoint written since open, if any.
    public var lastCheckpoint: WALCheckpointReport?
    /// Why the last background checkpoint failed, if it did.
    public var checkpointError: String?
}
