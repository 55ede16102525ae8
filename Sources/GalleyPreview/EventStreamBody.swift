// The body of `/events`: server-sent events carrying render generations, as FlyingFox bytes.

import FlyingSocks

/// Server-sent events (`text/event-stream`) for a stream of generations: `data: N` and a blank
/// line per render. FlyingFox sends a body of unknown length chunked, one chunk per buffer,
/// so each event leaves as soon as it is made.
struct EventStreamBody: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let generations: AsyncStream<Int>

    func makeAsyncIterator() -> Iterator {
        Iterator(base: generations.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<Int>.Iterator
        var pending: ArraySlice<UInt8> = []
        var started = false

        mutating func next() async -> UInt8? {
            guard await fill() else { return nil }
            return pending.popFirst()
        }

        /// Never returns an empty buffer: the chunked encoder would read it as the end.
        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            guard await fill() else { return nil }
            let take = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(take.count)
            return take
        }

        private mutating func fill() async -> Bool {
            if !pending.isEmpty { return true }
            guard let generation = await base.next() else { return false }
            // `retry` makes a browser reconnect quickly after the server restarts.
            let prefix = started ? "" : "retry: 1000\n"
            started = true
            pending = ArraySlice(Array("\(prefix)data: \(generation)\n\n".utf8))
            return true
        }
    }
}
