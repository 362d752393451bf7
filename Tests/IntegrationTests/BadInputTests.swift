import Foundation
import Testing

/// Bad input to every issue-2 command: a clear message naming what was wrong, a non-zero exit,
/// and nothing left running.
@Suite("Bad input", .serialized)
struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let args: [String]
        let message: String
        var testDescription: String { args.joined(separator: " ") }
    }

    static let noCluster: [Case] = [
        Case(args: ["start", "--head", "--bogus"], message: "Unknown option '--bogus'"),
        Case(args: ["start", "--head", "--resources", "not json"], message: "is not a valid JSON string"),
        Case(args: ["start", "--head", "--resources", "[1, 2]"], message: "must be a JSON object"),
        Case(args: ["start", "--head", "--resources", "{\"CPU\": 2}"], message: "`CPU` cannot be a custom resource"),
        Case(args: ["start", "--head", "--resources", "{\"GPU\": 1}"], message: "`GPU` cannot be a custom resource"),
        Case(args: ["start", "--head", "--resources", "{\"memory\": 1}"], message: "`memory` cannot be a custom resource"),
        Case(args: ["start", "--head", "--resources", "{\"foo\": -1}"], message: "cannot be negative"),
        Case(args: ["start", "--head", "--resources", "{\"foo\": 1.5}"], message: "must all be whole numbers"),
        Case(args: ["start", "--head", "--resources", "{\"node:__internal_head__\": 1}"], message: "is a reserved resource name"),
        Case(args: ["start", "--head", "--num-cpus=-1"], message: "`--num-cpus` must be a whole number of at least 0, got -1"),
        Case(args: ["start", "--head", "--num-gpus", "two"], message: "two"),
        Case(args: ["start", "--head", "--object-store-memory", "1000"], message: "the minimum allowed is 78643200 bytes"),
        Case(args: ["start", "--head", "--port", "70000"], message: "`--port` must be a port number"),
        Case(args: ["start", "--head", "--node-ip-address", "not-an-ip"], message: "must be an IPv4 or IPv6 address"),
        Case(args: ["start"], message: "`--address` is a required flag unless starting a head node with `--head`."),
        Case(args: ["start", "--address", "127.0.0.1:1", "--port", "7000"], message: "`--port` should only be specified when starting head node with `--head`."),
        Case(args: ["start", "--address", "nonsense"], message: "is not of the form HOST:PORT"),
        Case(args: ["status"], message: "Could not find any running swiftray instance"),
        Case(args: ["list", "nodes"], message: "Could not find any running swiftray instance"),
        Case(args: ["list", "bogus"], message: "'bogus' is not one of"),
        Case(args: ["list", "nodes", "--filter", "state"], message: "Cannot find the predicate"),
        Case(args: ["list", "nodes", "--filter", "bogus=1"], message: "Invalid filter key 'bogus' for resource 'nodes'"),
        Case(args: ["list", "nodes", "--limit", "100000"], message: "Given limit 100000 exceeds the supported limit 10000"),
        Case(args: ["list", "nodes", "--format", "xml"], message: "'xml' is not one of"),
        Case(args: ["stop", "--grace-period=-3"], message: "must be at least 0 seconds"),
    ]

    @Test("without a cluster", arguments: noCluster)
    func rejected(_ c: Case) throws {
        try withCluster { cluster in
            let r = try cluster.run(c.args)
            #expect(r.status != 0, "\(r)")
            #expect(r.stderr.contains(c.message), "\(r)")
            #expect(!r.stderr.contains("Fatal error"), "\(r)")
            #expect(cluster.allRecordedPids().allSatisfy { !TestCluster.isAlive($0) })
        }
    }

    @Test("--address that nobody answers gives up within 5 s")
    func unreachableAddress() throws {
        try withCluster { c in
            let started = Date()
            // Reserve a port nobody listens on: bind and close a socket.
            let r = try c.run(["start", "--address", "127.0.0.1:\(TestPorts.unusedPort())", "--node-ip-address", "127.0.0.1"],
                              environment: ["SWIFTRAY_AUTH_TOKEN": String(repeating: "a", count: 64)])
            #expect(r.status != 0)
            #expect(r.stderr.contains("Could not connect to 127.0.0.1:"), "\(r)")
            #expect(Date().timeIntervalSince(started) < 6.5)
            #expect(c.pids().isEmpty)
        }
    }

    @Test("a second head on a port in use names the port and the session holding it")
    func portInUse() throws {
        try withCluster { a in
            try #require(try a.startHead(["--num-cpus", "1"]).status == 0)
            let port = try #require(a.gcsAddress.split(separator: ":").last.map(String.init))
            try withCluster { b in
                let r = try b.run(["start", "--head", "--port", port, "--node-ip-address", "127.0.0.1"])
                #expect(r.status != 0)
                #expect(r.stderr.contains("Port \(port) on 127.0.0.1 is already in use by the swiftray gcs of session session_"), "\(r)")
                #expect(r.stderr.contains(a.tempDir), "\(r)")
                #expect(b.allRecordedPids().isEmpty)
                #expect(!FileManager.default.fileExists(atPath: b.tempDir + "/swiftray_current_cluster"))
            }
            // The first cluster is untouched.
            #expect(try a.run(["status"]).status == 0)
        }
    }

    @Test("a second head in the same temp dir is refused while the first runs")
    func secondHeadSameTempDir() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "1"]).status == 0)
            let r = try c.startHead(["--num-cpus", "1"])
            #expect(r.status != 0)
            #expect(r.stderr.contains("A swiftray cluster is already running in temp dir"), "\(r)")
            #expect(try c.run(["status"]).status == 0)
        }
    }
}

/// Finds a TCP port on 127.0.0.1 that nothing listens on right now.
enum TestPorts {
    static func unusedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}
