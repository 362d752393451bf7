#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A counting semaphore (POSIX mutex + condition variable).
struct Semaphore: ~Copyable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let cond: UnsafeMutablePointer<pthread_cond_t>
    private let count: UnsafeMutablePointer<Int>

    init() {
        mutex = .allocate(capacity: 1)
        cond = .allocate(capacity: 1)
        count = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(cond, nil)
        count.pointee = 0
    }

    deinit {
        pthread_mutex_destroy(mutex)
        pthread_cond_destroy(cond)
        mutex.deallocate()
        cond.deallocate()
        count.deallocate()
    }

    func signal() {
        pthread_mutex_lock(mutex)
        count.pointee += 1
        pthread_cond_signal(cond)
        pthread_mutex_unlock(mutex)
    }

    func wait() {
        pthread_mutex_lock(mutex)
        while count.pointee == 0 { pthread_cond_wait(cond, mutex) }
        count.pointee -= 1
        pthread_mutex_unlock(mutex)
    }
}
