/// The events of a console connection as an `AsyncSequence`.
public struct ConsoleEvents: AsyncSequence, Sendable {
    public typealias Element = ConsoleEvent
    let mailbox: ConsoleMailbox<ConsoleEvent>

    public struct AsyncIterator: AsyncIteratorProtocol {
        let mailbox: ConsoleMailbox<ConsoleEvent>
        public mutating func next() async -> ConsoleEvent? { await mailbox.next(timeout: nil) }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(mailbox: mailbox) }
}
