import Foundation
import PromModel
import Storage

/// An ``Appendable`` that stores in `inner` and, when a batch commits, hands its samples to
/// every `remote_write` queue. Series references are the inner store's; the labels behind each
/// one are remembered so samples appended by reference are forwarded too.
///
/// ```swift
/// let forwarding = ForwardingAppendable(inner: storage, queues: [queue])
/// let app = forwarding.appender()
/// try app.append(["__name__": "up"], t: now, v: 1)
/// try app.commit()            // stored, then enqueued
/// ```
public final class ForwardingAppendable: Appendable, @unchecked Sendable {
    public let inner: any Appendable
    public let queues: [RemoteWriteQueue]
    private let lock = NSLock()
    private var labelsByRef: [SeriesRef: Labels] = [:]

    public init(inner: any Appendable, queues: [RemoteWriteQueue]) {
        self.inner = inner
        self.queues = queues
    }

    public func appender() -> any Appender { ForwardingAppender(owner: self, inner: inner.appender()) }

    func remember(_ ref: SeriesRef, _ labels: Labels) {
        lock.withLock {
            if labelsByRef[ref] == nil { labelsByRef[ref] = labels }
        }
    }

    func labels(_ ref: SeriesRef) -> Labels? { lock.withLock { labelsByRef[ref] } }

    func forward(_ samples: [RemoteWriteSample]) {
        for queue in queues { queue.enqueue(samples) }
    }
}

/// The appender of ``ForwardingAppendable``: the inner store's batch plus the samples it accepted.
final class ForwardingAppender: Appender {
    private let owner: ForwardingAppendable
    private let inner: any Appender
    private var pending: [RemoteWriteSample] = []

    init(owner: ForwardingAppendable, inner: any Appender) {
        self.owner = owner
        self.inner = inner
    }

    @discardableResult
    func append(_ labels: Labels, t: Int64, v: Double) throws -> SeriesRef {
        let ref = try inner.append(labels, t: t, v: v)
        owner.remember(ref, labels)
        pending.append(RemoteWriteSample(labels: labels, t: t, v: v))
        return ref
    }

    @discardableResult
    func append(_ labels: Labels, t: Int64, v: Double, st: Int64) throws -> SeriesRef {
        let ref = try inner.append(labels, t: t, v: v, st: st)
        owner.remember(ref, labels)
        pending.append(RemoteWriteSample(labels: labels, t: t, v: v))
        return ref
    }

    func append(_ ref: SeriesRef, t: Int64, v: Double) throws {
        try inner.append(ref, t: t, v: v)
        if let labels = owner.labels(ref) { pending.append(RemoteWriteSample(labels: labels, t: t, v: v)) }
    }

    func commit() throws {
        let batch = pending
        pending = []
        try inner.commit()
        owner.forward(batch)
    }

    func rollback() {
        pending = []
        inner.rollback()
    }
}
