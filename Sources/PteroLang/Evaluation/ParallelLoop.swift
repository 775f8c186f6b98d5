#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `parallel for`: each turn is a call of the loop's body function on one of
/// N worker threads. Only one thread runs ptero code at a time (an
/// interpreter lock, as in CPython): values and the interpreter need no
/// locks of their own, and a worker lets go of it only while it waits for
/// something outside (the panel, `sleep`), which is where the time goes.
/// Each worker has its own part of the value stack, so a waiting body keeps
/// its frames while others run.
final class ParallelRun {
    /// More workers than this buys nothing: the executor bounds the
    /// requests in flight anyway, and each worker reserves a large stack.
    static let maximumWorkers = 64

    let interpreter: Interpreter
    let body: Value
    private let produce: () throws -> [Value]?
    private let lock = PthreadMutex()
    private let allDone = PthreadCondition()
    /// Taken without the interpreter lock: fetching the next element may
    /// wait for a page, and only one worker may advance the iterator.
    private let fetching = PthreadMutex()
    private var running = 0
    private var stopped = false
    private var firstError: Error?
    /// The loop's place in the enclosing sequence; turn i numbers its
    /// interactions under it, by the element's place, not the thread's.
    private var position: InteractionPosition?
    private var turns = 0
    /// Numbers what fetching the elements asks the world (pages of a query).
    private var producing: InteractionSequence?

    init(interpreter: Interpreter, body: Value, produce: @escaping () throws -> [Value]?) {
        self.interpreter = interpreter
        self.body = body
        self.produce = produce
    }

    /// Runs every turn on `workers` threads and returns when all are done;
    /// rethrows the first error once the running turns have finished (no
    /// new turn starts after an error or Ctrl-C).
    func run(workers: Int) throws {
        let position = interpreter.nextInteraction()
        self.position = position
        producing = InteractionSequence(prefix: position.item(0).steps)
        lock.lock()
        let saved = Registers(of: interpreter)
        let segment = (Interpreter.stackCapacity - saved.stackTop) / workers
        var threads: [PthreadThread] = []
        for index in 0..<workers {
            let base = saved.stackTop + index * segment
            let registers = Registers(stackTop: base, stackLimit: base + segment, depth: saved.depth)
            let worker = ParallelWorker(run: self, registers: registers)
            running += 1
            guard let thread = PthreadThread.start({ self.work(worker) }) else {
                running -= 1
                break
            }
            threads.append(thread)
        }
        if threads.isEmpty {
            lock.unlock()
            throw RuntimeError("parallel for could not start a thread")
        }
        while running > 0 { allDone.wait(lock) }
        saved.restore(into: interpreter)
        lock.unlock()
        for thread in threads { thread.join() }
        if let firstError { throw firstError }
    }

    private func work(_ worker: ParallelWorker) {
        lock.lock()
        ParallelWorker.current = worker
        worker.registers.restore(into: interpreter)
        while !stopped {
            do {
                try interpreter.checkInterrupt()
                guard let arguments = try next(worker) else { break }
                _ = try interpreter.call(body, arguments)
            } catch {
                if firstError == nil { firstError = error }
                stopped = true
            }
        }
        ParallelWorker.current = nil
        running -= 1
        if running == 0 { allDone.signal() }
        lock.unlock()
    }

    private func next(_ worker: ParallelWorker) throws -> [Value]? {
        worker.suspend()
        fetching.lock()
        worker.resume()
        defer { fetching.unlock() }
        guard !stopped else { return nil }
        // Fetching the next element (a page of a query) is the loop's own
        // interaction, numbered under `.0` in the order elements are taken.
        let taking = worker.sequence
        worker.sequence = producing
        defer { if worker.sequence === producing { worker.sequence = taking } }
        guard let arguments = try produce() else { return nil }
        turns += 1
        worker.sequence = InteractionSequence(prefix: position!.item(turns).steps)
        return arguments
    }

    fileprivate func release() { lock.unlock() }
    fileprivate func acquire() { lock.lock() }
}

/// What a thread running ptero code keeps in the interpreter: its part of
/// the value stack and its call depth.
struct Registers {
    var stackTop: Int
    var stackLimit: Int
    var depth: Int

    init(stackTop: Int, stackLimit: Int, depth: Int) {
        self.stackTop = stackTop
        self.stackLimit = stackLimit
        self.depth = depth
    }

    init(of interpreter: Interpreter) {
        self.init(stackTop: interpreter.stackTop, stackLimit: interpreter.stackLimit, depth: interpreter.depth)
    }

    func restore(into interpreter: Interpreter) {
        interpreter.stackTop = stackTop
        interpreter.stackLimit = stackLimit
        interpreter.depth = depth
    }
}

/// One worker thread of a `parallel for`.
final class ParallelWorker {
    let run: ParallelRun
    var registers: Registers
    /// The turn running now numbers its interactions here.
    var sequence: InteractionSequence?

    init(run: ParallelRun, registers: Registers) {
        self.run = run
        self.registers = registers
    }

    /// Lets other workers run while this one waits.
    func suspend() {
        registers = Registers(of: run.interpreter)
        run.release()
    }

    func resume() {
        run.acquire()
        registers.restore(into: run.interpreter)
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The worker the calling thread is, if any.
    static var current: ParallelWorker? {
        get { pthread_getspecific(key).map { Unmanaged<ParallelWorker>.fromOpaque($0).takeUnretainedValue() } }
        set { pthread_setspecific(key, newValue.map { Unmanaged.passUnretained($0).toOpaque() }) }
    }
}

extension Interpreter {
    /// Runs `wait`, something that blocks on the world outside (a panel
    /// request, a sleep), letting the other bodies of a `parallel for` run
    /// meanwhile. Outside a `parallel for` it just runs `wait`.
    public static func waitingOutside<T>(_ wait: () throws -> T) rethrows -> T {
        guard let worker = ParallelWorker.current else { return try wait() }
        worker.suspend()
        defer { worker.resume() }
        return try wait()
    }

    /// True on a worker of a running `parallel for`, where a nested one
    /// runs its turns one after another.
    var isInParallelLoop: Bool { ParallelWorker.current != nil }
}

/// A pthread mutex that can be locked in one scope and unlocked in another,
/// which the interpreter lock needs and `Mutex` does not allow.
final class PthreadMutex {
    let raw = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    init() { pthread_mutex_init(raw, nil) }
    deinit {
        pthread_mutex_destroy(raw)
        raw.deallocate()
    }
    func lock() { pthread_mutex_lock(raw) }
    func unlock() { pthread_mutex_unlock(raw) }
}

final class PthreadCondition {
    let raw = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    init() { pthread_cond_init(raw, nil) }
    deinit {
        pthread_cond_destroy(raw)
        raw.deallocate()
    }
    func wait(_ mutex: PthreadMutex) { pthread_cond_wait(raw, mutex.raw) }
    func signal() { pthread_cond_signal(raw) }
}
