import Foundation
import Testing

/// Issue 8: `swiftray microbenchmark` prints Ray's figure names in Ray's line format, runs
/// against its own cluster (and stops it) or an existing one (`--address`), and refuses a
/// filter that matches nothing. Trials are shortened to keep CI time low; the figures'
/// values are not asserted beyond being measured (performance is reported, not tested).
@Suite("Microbenchmark", .serialized)
struct MicrobenchmarkTests {
    /// `<name> per second <mean> +- <stdev>`, as `ray microbenchmark` prints a line.
    static func value(of name: String, in text: String) -> Double? {
        for line in text.split(separator: "\n").map(String.init) where line.hasPrefix(name + " per second ") {
            let rest = line.dropFirst(name.count + " per second ".count).split(separator: " ")
            guard rest.count == 3, rest[1] == "+-", Double(rest[2]) != nil else { return nil }
            return Double(rest[0])
        }
        return nil
    }

    @Test("its own cluster: Ray's object-store names and the owner-memory ones, then the cluster is stopped and its folder gone")
    func ownCluster() throws {
        try withCluster { c in
            // The benchmark's private cluster lives under TMPDIR: point it into this test's folder.
            let tmp = c.tempDir + "/tmp"
            try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
            let outcome = try c.run(["microbenchmark", "--filter", "put calls", "--trials", "1", "--trial-seconds", "0.2",
                                     "--rounds", "1"], environment: ["TMPDIR": tmp], timeout: 120)
            #expect(outcome.status == 0, "\(outcome)")
            let names = ["single client put calls (Plasma Store)", "multi client put calls (Plasma Store)",
                         "single client put calls", "multi client put calls"]
            for name in names {
                #expect((Self.value(of: name, in: outcome.stdout) ?? 0) > 0, "\(name) in \(outcome.stdout)")
            }
            // Ray's order: the object-store figures come first.
            #expect(outcome.stdout.split(separator: "\n").map { $0.components(separatedBy: " per second")[0] } == [
                names[0], names[1], names[2], names[3]])
            #expect(try FileManager.default.contentsOfDirectory(atPath: tmp).isEmpty)
            // Nothing it started still runs: no process has the private folder on its command line.
            let stray = try FileManager.default.contentsOfDirectory(atPath: "/proc").compactMap(Int32.init).filter { pid in
                let cmdline = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
                return String(decoding: cmdline, as: UTF8.self).contains(tmp)
            }
            #expect(stray.isEmpty, "still running: \(stray)")
        }
    }

    @Test("--address: an existing cluster, JSON output; every group it made is removed; the GCS round-trip figure")
    func existingCluster() throws {
        try withCluster { c in
            try #require(try c.startHead(["--num-cpus", "2"]).status == 0)
            let outcome = try c.run(["microbenchmark", "--address", c.gcsAddress, "--temp-dir", c.tempDir,
                                     "--filter", "placement group", "--trials", "2", "--trial-seconds", "0.2",
                                     "--format", "json"], timeout: 120)
            #expect(outcome.status == 0, "\(outcome)")
            let figures = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]],
                                       "\(outcome)")
            #expect(figures.count == 1)
            #expect(figures.first?["name"] as? String == "placement group create/removal per second")
            #expect((figures.first?["mean"] as? Double ?? 0) > 0)
            #expect(figures.first?["samples"] as? Int == 2)
            let all = try c.run(["list", "placement-groups", "--format", "json", "--limit", "10000"])
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]], "\(all)")
            #expect(rows.count >= 300)  // a warm-up round and two trials of 100 groups at least
            #expect(rows.allSatisfy { $0["state"] as? String == "REMOVED" })
            let status = try c.run(["status"])
            #expect(status.stdout.contains("0.0/2.0 CPU"), "\(status)")
            let calls = try c.run(["microbenchmark", "--address", c.gcsAddress, "--temp-dir", c.tempDir,
                                   "--filter", "GCS calls", "--trials", "1", "--trial-seconds", "0.2"], timeout: 60)
            #expect(calls.status == 0, "\(calls)")
            #expect((Self.value(of: "single client GCS calls sync", in: calls.stdout) ?? 0) > 0, "\(calls)")
        }
    }

    @Test("a filter that matches no figure is refused, naming the figures")
    func unknownFilter() throws {
        try withCluster { c in
            let outcome = try c.run(["microbenchmark", "--filter", "no such figure"])
            #expect(outcome.status != 0)
            #expect(outcome.stderr.contains("`--filter no such figure` matches no figure"), "\(outcome)")
            #expect(outcome.stderr.contains("single client tasks async"), "\(outcome)")
        }
    }
}
