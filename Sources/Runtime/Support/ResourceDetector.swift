import Foundation

/// Measures this machine's resources the way `ray start` does (reference §5.2): CPUs from the
/// cgroup quota or cpuset, else the core count (truncated, at least 1); NVIDIA GPUs from the
/// driver's /proc entries honouring CUDA_VISIBLE_DEVICES; memory from what is available
/// (cgroup-aware), with 30 % for the object store, capped by /dev/shm.
public enum ResourceDetector {
    public static func cpuCount() -> Int64 {
        var count = Int64(ProcessInfo.processInfo.activeProcessorCount)
        if let text = FileSystem.read("/sys/fs/cgroup/cpu.max") {
            let parts = text.split(separator: " ")
            if parts.count == 2, let quota = Double(parts[0]), let period = Double(parts[1]), period > 0 {
                count = min(count, max(1, Int64(quota / period)))
            }
        }
        return max(1, count)
    }

    public static func gpuCount(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int64 {
        let dir = "/proc/driver/nvidia/gpus"
        let devices = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).count
        if let visible = environment["CUDA_VISIBLE_DEVICES"] {
            let listed = visible.split(separator: ",").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return Int64(min(devices, listed.count))
        }
        return Int64(devices)
    }

    /// Bytes of memory available to new work on this machine.
    public static func availableMemory() -> Int64 {
        var available: Int64 = 0
        if let meminfo = FileSystem.read("/proc/meminfo") {
            for line in meminfo.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
                let kb = line.split(separator: " ").dropFirst().first.flatMap { Int64($0) } ?? 0
                available = kb * 1024
            }
        }
        if let limitText = FileSystem.read("/sys/fs/cgroup/memory.max")?.trimmingCharacters(in: .whitespacesAndNewlines),
           let limit = Int64(limitText),
           let usedText = FileSystem.read("/sys/fs/cgroup/memory.current")?.trimmingCharacters(in: .whitespacesAndNewlines),
           let used = Int64(usedText) {
            available = min(available, max(0, limit - used))
        }
        return available
    }

    /// Free bytes in /dev/shm (0 when it cannot be read).
    public static func sharedMemoryFree() -> Int64 {
        var st = statvfs()
        guard statvfs("/dev/shm", &st) == 0 else { return 0 }
        return Int64(st.f_bavail) * Int64(st.f_frsize)
    }

    /// Default `(memory, object_store_memory)` for a node given what was set explicitly.
    public static func defaultMemory(explicitMemory: Int64?, explicitObjectStore: Int64?) -> (Int64, Int64) {
        let available = availableMemory()
        var store = explicitObjectStore ?? Int64(0.3 * Double(available))
        if explicitObjectStore == nil {
            let shm = sharedMemoryFree()
            let cap = min(200e9, max(1e10, 0.95 * Double(shm)))
            store = min(store, Int64(cap))
        }
        let memory = explicitMemory ?? max(0, available - store)
        return (memory, store)
    }

    /// The host's primary IPv4 address: the first non-loopback interface that is up, else
    /// 127.0.0.1.
    public static func primaryIPAddress() -> String {
        var head: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&head) == 0, let first = head else { return "127.0.0.1" }
        defer { freeifaddrs(head) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            let flags = Int32(entry.pointee.ifa_flags)
            guard let addr = entry.pointee.ifa_addr, addr.pointee.sa_family == UInt16(AF_INET),
                  flags & Int32(IFF_UP) != 0, flags & Int32(IFF_LOOPBACK) == 0 else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(addr, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 {
                return String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        }
        return "127.0.0.1"
    }
}
