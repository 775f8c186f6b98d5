#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on a thread with a 1 GiB stack (reserved, not committed), so
/// the deepest recursion the interpreter allows — and the deepest syntax
/// tree the parser accepts — ends in an error, never a crash.
public enum LargeStack {
    public static let size = 1 << 30

    final class Work: @unchecked Sendable {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    public static func run<T>(_ body: @escaping () -> T) -> T {
        var result: T?
        guard let thread = PthreadThread.start({ result = body() }) else { return body() }
        thread.join()
        return result!
    }
}

/// A joinable thread with the interpreter's large stack.
struct PthreadThread {
    #if canImport(Glibc)
    let thread: pthread_t
    #else
    let thread: pthread_t?
    #endif

    static func start(_ body: @escaping () -> Void) -> PthreadThread? {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, LargeStack.size)
        let unmanaged = Unmanaged.passRetained(LargeStack.Work(body))
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let created = pthread_create(&thread, &attributes, { pointer in
            Unmanaged<LargeStack.Work>.fromOpaque(pointer!).takeRetainedValue().body()
            return nil
        }, unmanaged.toOpaque())
        guard created == 0 else {
            unmanaged.release()
            return nil
        }
        return PthreadThread(thread: thread)
    }

    func join() {
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        pthread_join(thread!, nil)
        #endif
    }
}
