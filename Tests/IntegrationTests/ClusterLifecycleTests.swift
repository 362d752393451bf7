import Foundation
import Testing

/// Real multi-process clusters on 127.0.0.1: a head and worker nodes started with the built
/// binary, inspected with `status` and `list`, a raylet killed with SIGKILL, then `stop`.
@Suite("Cluster lifecycle", .serialized)
struct ClusterLifecycleTests {
    @Test("head plus two workers: status sums resources, list shows them ALIVE, kill -9 makes one DEAD, stop leaves nothing")
    func headAndTwoWorkers() throws {
        try withCluster { c in
            let head = try c.startHead(["--num-cpus", "2", "--num-gpus", "2", "--memory", "1073741824",
                                        "--object-store-memory", "104857600"])
            try #require(head.status == 0, "\(head)")
            #expect(head.stdout.contains("Local node IP: 127.0.0.1"))
            #expect(head.stdout.contains("swiftray runtime started."))
            #expect(head.stdout.contains("swiftray start --address='\(c.gcsAddress)'"))
            #expect(head.stdout.contains("swiftray status"))
            #expect(head.stdout.contains("swiftray stop"))
            let w1 = try c.addWorker(["--num-cpus", "1", "--resources", "{\"foo\": 2}", "--memory", "1073741824",
                                      "--object-store-memory", "104857600"])
            try #require(w1.status == 0, "\(w1)")
            let w2 = try c.addWorker(["--num-cpus", "3", "--memory", "1073741824", "--object-store-memory", "104857600"])
            try #require(w2.status == 0, "\(w2)")

            let status = try c.run(["status"])
            try #require(status.status == 0, "\(status)")
            let active = status.stdout.split(separator: "\n").filter { $0.hasPrefix(" 1 node_") }
            #expect(active.count == 3, "\(status.stdout)")
            #expect(status.stdout.contains("\nUsage:\n 0.0/6.0 CPU\n 0.0/2.0 GPU\n 0.0/2.0 foo\n 0B/3.00GiB memory\n 0B/300.00MiB object_store_memory\n\nDemands:\n (no resource demands)"),
                    "\(status.stdout)")
            #expect(status.stdout.contains("Recent failures:\n (no failures)"))

            let list = try c.run(["list", "nodes", "--format", "json"])
            try #require(list.status == 0, "\(list)")
            #expect(list.stdout.components(separatedBy: "\"state\": \"ALIVE\"").count - 1 == 3, "\(list.stdout)")

            // Kill the second worker's raylet with SIGKILL: DEAD in `list nodes`, gone from status.
            let pids = c.pids()
            let victim = try #require(pids["raylet.2"], "pids: \(pids)")
            kill(victim, SIGKILL)
            let killedAt = Date()
            let dead = try c.eventually(within: 3.5) {
                let r = try c.run(["list", "nodes", "--filter", "state=DEAD", "--format", "json"])
                return r.stdout.contains("Unexpected termination: health check failed")
            }
            let detection = Date().timeIntervalSince(killedAt)
            #expect(dead, "node not DEAD within 3.5 s")
            #expect(detection < 3.5)
            let after = try c.run(["status"])
            #expect(after.stdout.split(separator: "\n").filter { $0.hasPrefix(" 1 node_") }.count == 2, "\(after.stdout)")
            #expect(after.stdout.contains(" 0.0/3.0 CPU"), "\(after.stdout)")
            #expect(after.stdout.contains(": NodeTerminated (ip: 127.0.0.1)"), "\(after.stdout)")
            let table = try c.run(["list", "nodes"])
            #expect(table.stdout.contains("Total: 3"))
            #expect(table.stdout.components(separatedBy: "  DEAD  ").count - 1 == 1, "\(table.stdout)")

            // stop: the GCS and the two live raylets, nothing left behind.
            let recorded = c.allRecordedPids()
            let stop = try c.run(["stop"])
            #expect(stop.status == 0, "\(stop)")
            #expect(stop.stdout.contains("Stopped all 3 swiftray processes."), "\(stop)")
            #expect(recorded.allSatisfy { !TestCluster.isAlive($0) }, "left running: \(recorded.filter(TestCluster.isAlive))")
            #expect(!FileManager.default.fileExists(atPath: c.tempDir + "/swiftray_current_cluster"))
            let again = try c.run(["stop"])
            #expect(again.stdout.contains("Did not find any active swiftray processes."))
            let noCluster = try c.run(["status"])
            #expect(noCluster.status != 0)
            #expect(noCluster.stderr.contains("Could not find any running swiftray instance"), "\(noCluster)")
        }
    }

    @Test("a raylet stopped with SIGTERM is DEAD with 'Expected termination: received SIGTERM'")
    func gracefulRayletStop() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "1"]).status == 0)
            try #require(try c.addWorker(["--num-cpus", "1"]).status == 0)
            let pid = try #require(c.pids()["raylet.1"])
            kill(pid, SIGTERM)
            let ok = try c.eventually(within: 3) {
                try c.run(["list", "nodes", "--format", "json"]).stdout.contains("Expected termination: received SIGTERM")
            }
            #expect(ok)
        }
    }

    @Test("list nodes: table, YAML detail, JSON, filters and limit")
    func listNodesFormats() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "2"]).status == 0)
            try #require(try c.addWorker(["--num-cpus", "1"]).status == 0)
            let table = try c.run(["list", "nodes"])
            #expect(table.stdout.hasPrefix("\n======== List: "), "\(table.stdout)")
            #expect(table.stdout.contains("Stats:\n------------------------------\nTotal: 2\n\nTable:\n------------------------------\n    NODE_ID"))
            #expect(table.stdout.hasSuffix("\n\n"))
            let yaml = try c.run(["list", "nodes", "--detail"])
            #expect(yaml.stdout.hasPrefix("---\n-   node_id: "), "\(yaml.stdout)")
            #expect(yaml.stdout.contains("    is_head_node: true\n"))
            #expect(yaml.stdout.contains("    state_message: null\n"))
            #expect(yaml.stdout.hasSuffix("...\n\n"))
            let json = try c.run(["list", "nodes", "--format", "json"])
            #expect(json.stdout.hasPrefix("[{\"node_id\": \""), "\(json.stdout)")
            let head = try c.run(["list", "nodes", "--filter", "is_head_node=true", "--format", "json"])
            #expect(head.stdout.components(separatedBy: "\"node_id\"").count - 1 == 1)
            let limited = try c.run(["list", "nodes", "--limit", "1"])
            #expect(limited.stdout.contains("Total: 1"))
            #expect(limited.stderr.contains("Limit last 1 entries (Total 2)"), "\(limited)")
            let none = try c.run(["list", "nodes", "--filter", "state=DEAD"])
            #expect(none.stdout == "No resource in the cluster\n", "\(none)")
            let jobs = try c.run(["list", "jobs"])
            #expect(jobs.status == 0)
            #expect(jobs.stdout == "No resource in the cluster\n", "\(jobs)")
        }
    }

    @Test("clients on the same machine read the token from the temp dir; a wrong token is refused")
    func authentication() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "1"]).status == 0)
            let attrs = try FileManager.default.attributesOfItem(atPath: c.tempDir + "/auth_token")
            #expect((attrs[.posixPermissions] as? Int) == 0o600)
            let token = try #require(try? String(contentsOfFile: c.tempDir + "/auth_token", encoding: .utf8))
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(token.count == 64)
            let printed = try c.run(["get-auth-token"])
            #expect(printed.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == token)
            let wrong = try c.run(["status"], environment: ["SWIFTRAY_AUTH_TOKEN": String(repeating: "0", count: 64)])
            #expect(wrong.status != 0)
            #expect(wrong.stderr.contains("the cluster token is wrong"), "\(wrong)")
            let join = try c.addWorker(["--num-cpus", "1"].map { $0 }, wrongToken: true)
            #expect(join.status != 0)
            #expect(join.stderr.contains("the cluster token is wrong"), "\(join)")
            // Nothing of the refused node was left running.
            #expect(c.pids()["raylet.1"] == nil)
            let logs = (try? FileManager.default.contentsOfDirectory(atPath: c.tempDir + "/session_latest/logs")) ?? []
            for log in logs {
                let text = (try? String(contentsOfFile: c.tempDir + "/session_latest/logs/" + log, encoding: .utf8)) ?? ""
                #expect(!text.contains(token), "token leaked into \(log)")
            }
        }
    }

    @Test("status -v adds per-node usage blocks")
    func verboseStatus() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "2", "--memory", "1073741824", "--object-store-memory", "104857600"]).status == 0)
            let r = try c.run(["status", "-v"])
            #expect(r.status == 0)
            #expect(r.stdout.contains("GCS request time: "), "\(r.stdout)")
            #expect(r.stdout.contains("\nNode: "), "\(r.stdout)")
            #expect(r.stdout.contains(" Usage:\n  0.0/2.0 CPU\n  0B/1.00GiB memory\n  0B/100.00MiB object_store_memory"), "\(r.stdout)")
        }
    }

    @Test("a raylet whose GCS stays unreachable past its window exits cleanly")
    func rayletGivesUpWithoutGCS() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "1", "--gcs-reconnect-window", "2"]).status == 0)
            let pids = c.pids()
            let gcs = try #require(pids["gcs_server"])
            let raylet = try #require(pids["raylet"])
            kill(gcs, SIGKILL)
            let exited = c.eventually(within: 8) { !TestCluster.isAlive(raylet) }
            #expect(exited, "the raylet kept running without its GCS")
            let log = (try? String(contentsOfFile: c.tempDir + "/session_latest/logs/raylet.out", encoding: .utf8)) ?? ""
            #expect(log.contains("The raylet exits"), "\(log)")
        }
    }
}

extension TestCluster {
    /// `addWorker` with a token that is not the cluster's.
    func addWorker(_ extra: [String], wrongToken: Bool) throws -> Outcome {
        try run(["start", "--address", gcsAddress, "--node-ip-address", "127.0.0.1"] + extra,
                environment: wrongToken ? ["SWIFTRAY_AUTH_TOKEN": String(repeating: "f", count: 64)] : [:])
    }
}
