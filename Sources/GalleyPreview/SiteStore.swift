// The current render, shared between the render thread (writer) and the server (readers).

import Foundation

/// Holds the latest `PreviewSite` and its generation, and tells subscribers (the `/events`
/// streams) about each new one.
///
/// A lock rather than an actor: the render thread is a plain thread, not a task, and must be
/// able to publish without awaiting.
public final class SiteStore: @unchecked Sendable {
    private let lock = NSLock()
    private var site = PreviewSite()
    private var generation = 0
    private var subscribers: [UUID: AsyncStream<Int>.Continuation] = [:]
    private let firstRender = DispatchSemaphore(value: 0)

    public init() {}

    /// The current site and its generation (0 before the first render).
    public var current: (site: PreviewSite, generation: Int) {
        lock.withLock { (site, generation) }
    }

    /// Replaces the site and sends `generation` to every subscriber.
    public func publish(_ site: PreviewSite, generation: Int) {
        let listeners = lock.withLock {
            let first = self.generation == 0
            self.site = site
            self.generation = generation
            if first { firstRender.signal() }
            return Array(subscribers.values)
        }
        for listener in listeners { listener.yield(generation) }
    }

    /// Sends the current generation again: a keep-alive that also finds closed connections.
    public func heartbeat() {
        let (listeners, generation) = lock.withLock { (Array(subscribers.values), self.generation) }
        for listener in listeners { listener.yield(generation) }
    }

    /// Generations as they come: the current one at once, then each new render's.
    public func subscribe() -> AsyncStream<Int> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(4))
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.subscribers.removeValue(forKey: id) }
        }
        let generation = lock.withLock {
            subscribers[id] = continuation
            return self.generation
        }
        continuation.yield(generation)
        return stream
    }

    /// Waits until the first render is published, at most `seconds`; false on timeout.
    public func waitForFirstRender(seconds: Double) -> Bool {
        if lock.withLock({ generation > 0 }) { return true }
        return firstRender.wait(timeout: .now() + seconds) == .success
    }
}
