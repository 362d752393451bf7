import ClusterState
import Foundation
import Runtime
import Testing

@Suite("ClusterLauncher resource encoding")
struct ResourceEncodingTests {
    @Test("round trip", arguments: [
        ResourceSet(),
        ResourceSet(doubles: ["CPU": 4, "GPU": 1, "memory": 123_456_789, "object_store_memory": 78_643_200]),
        ResourceSet(doubles: ["node:127.0.0.1": 1, "node:__internal_head__": 1]),
        ResourceSet(doubles: ["a,b": 1, "x=y": 2, "100%": 3, "sp ace": 4, "%41": 5, "tab\there": 6]),
        ResourceSet(doubles: ["日本": 1, "é": 0.5, "😀": 0.0001, "CPU_group_0_abcdef": 0.001]),
        ResourceSet(raw: ["big": Int64.max / 2, "neg": -5]),
    ])
    func roundTrip(set: ResourceSet) throws {
        let text = ClusterLauncher.encode(set)
        #expect(try ClusterLauncher.decodeResources(text) == set)
    }

    @Test("the text is name=raw in sorted order, names percent-encoded")
    func format() {
        let set = ResourceSet(doubles: ["node:127.0.0.1": 1, "CPU": 2.5])
        #expect(ClusterLauncher.encode(set) == "CPU=25000,node%3A127%2E0%2E0%2E1=10000")
        #expect(ClusterLauncher.encode(ResourceSet()) == "")
    }

    @Test("malformed lists are refused", arguments: ["CPU", "CPU=x", "CPU=1=2", "%zz=1", "CPU=1,GPU", "CPU=1.5"])
    func malformed(text: String) {
        #expect(throws: RuntimeError.invalidArgument("The resource list '\(text)' is malformed.")) {
            try ClusterLauncher.decodeResources(text)
        }
    }

    @Test("zero amounts decode to absent keys")
    func zeros() throws {
        #expect(try ClusterLauncher.decodeResources("CPU=0,GPU=10000") == ResourceSet(doubles: ["GPU": 1]))
    }
}

@Suite("ClusterAddress")
struct ClusterAddressTests {
    @Test("good addresses", arguments: [
        ("127.0.0.1:6379", "127.0.0.1", 6379), ("  10.0.0.1:1 \n", "10.0.0.1", 1), ("localhost:65535", "localhost", 65535),
        ("[::1]:6379", "::1", 6379), ("example.com:8080", "example.com", 8080), ("[fe80::1]:80", "fe80::1", 80),
    ])
    func good(text: String, host: String, port: Int) throws {
        let address = try ClusterAddress.parse(text)
        #expect(address == ClusterAddress(host: host, port: port))
        #expect(address.text == "\(host):\(port)")
    }

    @Test("inputs without HOST:PORT shape", arguments: ["", "127.0.0.1", ":6379", "   "])
    func noShape(text: String) {
        #expect(throws: RuntimeError.invalidArgument("The address '\(text)' is not of the form HOST:PORT, e.g. 127.0.0.1:6379.")) {
            try ClusterAddress.parse(text)
        }
    }

    @Test("bad ports or empty hosts", arguments: ["host:", "host:0", "host:65536", "host:abc", "host:-1", "[]:80", "host:6379x"])
    func badPort(text: String) {
        #expect(throws: RuntimeError.invalidArgument("The address '\(text)' is not of the form HOST:PORT with a port from 1 to 65535.")) {
            try ClusterAddress.parse(text)
        }
    }

    @Test("a bare IPv6 address is not HOST:PORT", arguments: ["::1", "fe80::1"])
    func bareIPv6(text: String) {
        #expect(throws: RuntimeError.self) { try ClusterAddress.parse(text) }
    }

    @Test("resolve: --address, then SWIFTRAY_ADDRESS, then the temp dir's file")
    func resolve() throws {
        let dir = FileManager.default.temporaryDirectory.path + "/swiftray-addr-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let paths = SessionPaths(tempDir: dir)
        #expect(throws: RuntimeError.self) { try ClusterAddress.resolve(explicit: nil, paths: paths, environment: [:]) }
        do {
            _ = try ClusterAddress.resolve(explicit: nil, paths: paths, environment: [:])
        } catch let RuntimeError.unreachable(address, reason) {
            #expect(address == "a swiftray cluster")
            #expect(reason.hasPrefix("Could not find any running swiftray instance in temp dir '\(dir)'"))
        } catch {
            Issue.record("unexpected \(error)")
        }
        try "127.0.0.1:7000\n".write(toFile: paths.currentClusterFile, atomically: true, encoding: .utf8)
        #expect(try ClusterAddress.resolve(explicit: nil, paths: paths, environment: [:]).port == 7000)
        #expect(try ClusterAddress.resolve(explicit: nil, paths: paths, environment: ["SWIFTRAY_ADDRESS": "127.0.0.1:7001"]).port == 7001)
        #expect(try ClusterAddress.resolve(explicit: "127.0.0.1:7002", paths: paths, environment: ["SWIFTRAY_ADDRESS": "127.0.0.1:7001"]).port == 7002)
        #expect(try ClusterAddress.resolve(explicit: "", paths: paths, environment: ["SWIFTRAY_ADDRESS": ""]).port == 7000)
    }
}

@Suite("SessionPaths")
struct SessionPathsTests {
    private func expectedName(_ date: Date, pid: Int32, micros: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let stamp = String(format: "session_%04d-%02d-%02d_%02d-%02d-%02d",
                           c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
        return "\(stamp)_\(micros)_\(pid)"
    }

    @Test("session name format")
    func format() throws {
        let name = SessionPaths.sessionName(date: Date(), pid: 4242)
        let pattern = try Regex("^session_[0-9]{4}-[0-9]{2}-[0-9]{2}_[0-9]{2}-[0-9]{2}-[0-9]{2}_[0-9]{6}_4242$")
        #expect(name.wholeMatch(of: pattern) != nil, "\(name)")
    }

    @Test("session name fields", arguments: [
        (1_700_000_000.5, "500000"), (1_700_000_000.0, "000000"), (1_700_000_000.25, "250000"),
        (1_700_000_000.999999, "999999"),
    ])
    func fields(seconds: Double, micros: String) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(SessionPaths.sessionName(date: date, pid: 77) == expectedName(date, pid: 77, micros: micros))
    }

    @Test("microseconds are rounded, not truncated (1 µs after a whole second)")
    func microsecondRounding() {
        let date = Date(timeIntervalSince1970: 1_700_000_000.000001)
        #expect(SessionPaths.sessionName(date: date, pid: 1).hasSuffix("_000001_1"))
    }

    @Test("paths")
    func paths() {
        let p = SessionPaths(tempDir: "/tmp/x")
        #expect(p.currentClusterFile == "/tmp/x/swiftray_current_cluster")
        #expect(p.tokenFile == "/tmp/x/auth_token")
        #expect(p.latestLink == "/tmp/x/session_latest")
        #expect(p.sessionDir("session_a") == "/tmp/x/session_a")
        #expect(SessionPaths.logsDir("/s") == "/s/logs")
        #expect(SessionPaths.pidsDir("/s") == "/s/pids")
        #expect(SessionPaths.databaseDir("/s") == "/s/gcs")
        #expect(SessionPaths.databasePath("/s") == "/s/gcs/gcs.sqlite")
        #expect(SessionPaths.defaultTempDir(environment: [:]) == "/tmp/swiftray")
        #expect(SessionPaths.defaultTempDir(environment: ["SWIFTRAY_TEMP_DIR": "/var/x"]) == "/var/x")
        #expect(SessionPaths.defaultTempDir(environment: ["SWIFTRAY_TEMP_DIR": ""]) == "/tmp/swiftray")
    }
}

@Suite("PidFile")
struct PidFileTests {
    @Test("text round trip", arguments: [
        PidFile(pid: 1234, startTicks: 987_654, role: "gcs", name: "gcs_server"),
        PidFile(pid: 1, startTicks: 0, role: "raylet", name: "raylet.1"),
        PidFile(pid: Int32.max, startTicks: UInt64.max, role: "raylet", name: "raylet"),
    ])
    func roundTrip(file: PidFile) {
        #expect(file.text.hasSuffix("\n"))
        #expect(PidFile(text: file.text) == file)
    }

    @Test("exact text")
    func text() {
        #expect(PidFile(pid: 12, startTicks: 34, role: "gcs", name: "gcs_server").text == "12 34 gcs gcs_server\n")
    }

    @Test("malformed text", arguments: ["", "12 34 gcs", "12 34 gcs a b", "x 34 gcs a", "12 -3 gcs a", "12 y gcs a", "99999999999 1 gcs a"])
    func malformed(text: String) {
        #expect(PidFile(text: text) == nil)
    }

    @Test("this process is running under its own start time, not under another")
    func running() throws {
        let pid = getpid()
        let ticks = try #require(PidFile.startTicks(of: pid))
        #expect(PidFile(pid: pid, startTicks: ticks, role: "gcs", name: "x").isRunning)
        #expect(!PidFile(pid: pid, startTicks: ticks + 1, role: "gcs", name: "x").isRunning)
        #expect(PidFile.startTicks(of: Int32.max) == nil)
        #expect(!PidFile(pid: Int32.max, startTicks: ticks, role: "gcs", name: "x").isRunning)
    }
}
