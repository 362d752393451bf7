import Foundation
import Testing

/// Issue 7 "Load": fifty real drivers at once on a two-node cluster, creating and removing
/// placement groups and running tasks, while `swiftray load-test` checks the invariants. The
/// run is shortened to 15 s to keep CI time low; figures are reported, never asserted (the
/// full 60 s run's figures are in the README). The checker's comparison logic is unit-tested
/// with hand-made mismatching snapshots in `raycliTests/LoadTestCheckerTests`.
@Suite("Load", .serialized)
struct LoadTests {
    @Test("50 drivers for 15 s: every driver finishes, no call lost or failed, no invariant violated")
    func fiftyDrivers() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "4"]).status == 0)
            try #require(try c.addWorker(["--num-cpus", "4"]).status == 0)
            let outcome = try c.run(["load-test", "--drivers", "50", "--duration", "15", "--grace", "45", "--format", "json"],
                                    timeout: 120)
            let data = Data(outcome.stdout.utf8)
            let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(outcome)")
            #expect(outcome.status == 0, "\(outcome)")
            #expect(report["passed"] as? Bool == true, "\(outcome.stdout)")
            #expect(report["drivers"] as? Int == 50)
            #expect(report["driversFinished"] as? Int == 50, "\(report["driverFailures"] ?? "")")
            #expect((report["violations"] as? [Any])?.isEmpty == true, "\(report["violations"] ?? "")")
            #expect((report["lostCalls"] as? [Any])?.isEmpty == true, "\(report["lostCalls"] ?? "")")
            #expect(report["failedCalls"] as? Int == 0, "\(report["failedCallExamples"] ?? "")")
            #expect((report["clusterProblems"] as? [Any])?.isEmpty == true, "\(report["clusterProblems"] ?? "")")
            #expect((report["invariantSamples"] as? Int ?? 0) > 0)
            let operations = report["operations"] as? [[String: Any]] ?? []
            #expect(operations.count == 5)
            for op in operations {
                #expect((op["count"] as? Int ?? 0) > 0, "\(op)")
                #expect((op["perSecond"] as? Double ?? 0) > 0, "\(op)")
            }
            let byName = Dictionary(uniqueKeysWithValues: operations.map { ($0["operation"] as? String ?? "", $0["count"] as? Int ?? -1) })
            #expect(byName["create"] == byName["remove"])
            #expect(byName["submit"] == byName["get"])
            print(outcome.stdout)
        }
    }
}
