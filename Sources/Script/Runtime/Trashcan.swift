#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Releases the contents of dying lists, dicts and instances iteratively, like CPython's
/// "trashcan": a chain of 100 000 nested lists (or linked instances) is freed in a loop on the
/// releasing thread instead of one nested deinit per level, which would overflow the stack.
///
/// Guarantees: a value handed to `dispose` is released before the outermost `dispose` on the
/// thread returns; contents still referenced elsewhere are untouched.
enum Trashcan {
    /// Per-thread state: whether a drain loop runs, and what it still has to drop.
    private final class Bin {
        var draining = false
        var pending: [Value] = []
    }

    nonisolated(unsafe) private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { raw in
            #if canImport(Darwin)
            Unmanaged<AnyObject>.fromOpaque(raw).release()
            #else
            if let raw { Unmanaged<AnyObject>.fromOpaque(raw).release() }
            #endif
        }
        return key
    }()

    private static var bin: Bin {
        if let raw = pthread_getspecific(key) { return Unmanaged<Bin>.fromOpaque(raw).takeUnretainedValue() }
        let bin = Bin()
        pthread_setspecific(key, Unmanaged.passRetained(bin).toOpaque())
        return bin
    }

    /// Whether dropping `value` may free further containers (and so recurse).
    static func mayNest(_ value: Value) -> Bool {
        switch value {
        case .list, .dict, .instance, .tuple, .set: return true
        default: return false
        }
    }

    /// Takes `values` (leaving them empty) and drops them; nested containers that die as a
    /// result add their own contents to the same loop instead of recursing. Values holding no
    /// containers are simply dropped.
    static func dispose(_ values: inout [Value]) {
        guard values.contains(where: mayNest) else { return }
        let bin = self.bin
        bin.pending.append(contentsOf: values)
        values = []
        guard !bin.draining else { return }
        bin.draining = true
        while !bin.pending.isEmpty {
            // Dropping the popped value may run deinits that append to `pending`.
            _ = bin.pending.removeLast()
        }
        bin.draining = false
    }
}
