import ClusterState
import Foundation
import Testing
@testable import raycli

/// Golden tests for `StatusRenderer`: the seed's `ray status` blocks (placement-group
/// walkthrough) and the reference §3.2/§3.3 rules.
struct StatusRendererTests {
    static let seedNode = "b552ca3009081c9de857a31e529d248ba051a4d3aeece7135dde8427"
    static let pg = "d2e660ac256db230dbe516127c4a01000000"

    /// The seed's single 2-CPU/2-GPU node holding one committed `{CPU: 1, GPU: 1}` bundle.
    static func seedNode(memory: Double, objectStore: Double, cpuAvailable: Double,
                         cpuInGroupAvailable: Double, gpuInGroupAvailable: Double = 1) -> NodeInfo {
        let groupTotals: [String: Double] = [
            "CPU_group_\(pg)": 1, "CPU_group_0_\(pg)": 1, "GPU_group_\(pg)": 1, "GPU_group_0_\(pg)": 1,
            "bundle_group_\(pg)": 1000, "bundle_group_0_\(pg)": 1000,
        ]
        var total: [String: Double] = ["CPU": 2, "GPU": 2, "memory": memory, "object_store_memory": objectStore,
                                       "node:192.0.2.2": 1, "node:__internal_head__": 1]
        total.merge(groupTotals) { a, _ in a }
        var available = total
        available["CPU"] = cpuAvailable
        available["GPU"] = 1
        available["CPU_group_\(pg)"] = cpuInGroupAvailable
        available["CPU_group_0_\(pg)"] = cpuInGroupAvailable
        available["GPU_group_\(pg)"] = gpuInGroupAvailable
        available["GPU_group_0_\(pg)"] = gpuInGroupAvailable
        return NodeInfo(nodeID: RenderFixture.nodeID(seedNode), ip: "192.0.2.2", nodeManagerPort: 1, isHead: true,
                        nodeName: "192.0.2.2", resourcesTotal: RenderFixture.resources(total),
                        resourcesAvailable: RenderFixture.resources(available), startTimeMs: 0)
    }

    static func ordered(_ pairs: [(String, Double)]) -> OrderedResources {
        OrderedResources(keys: pairs.map(\.0), set: ResourceSet(doubles: Dictionary(uniqueKeysWithValues: pairs)))
    }

    let renderer = StatusRenderer(timeZone: RenderFixture.utc)

    @Test func seedPendingPlacementGroup() {
        let report = ClusterStatusReport(
            timeMicros: 1_680_830_183_733_410,
            nodes: [Self.seedNode(memory: 3_715_000_000, objectStore: 1_857_000_000, cpuAvailable: 1, cpuInGroupAvailable: 1)],
            placementGroupDemands: [PlacementGroupDemand(
                bundles: [Self.ordered([("CPU", 1)]), Self.ordered([("GPU", 2)])], strategy: "PACK", count: 1)])
        let text = renderer.render(report)
        #expect(text + "\n" == RenderFixture.text("render-status-pending-pg.txt"))
        // The seed prints the same lines without their one-space indent.
        #expect(Self.resourceSection(text) == Self.seedBlocks()[0])
    }

    @Test func seedActorInPlacementGroup() {
        let report = ClusterStatusReport(
            timeMicros: 1_680_830_220_000_000,
            nodes: [Self.seedNode(memory: 4_609_000_000, objectStore: 2_147_483_648, cpuAvailable: 1, cpuInGroupAvailable: 0)])
        let text = renderer.render(report)
        #expect(text + "\n" == RenderFixture.text("render-status-actor-in-pg.txt"))
        #expect(Self.resourceSection(text) == Self.seedBlocks()[1])
    }

    @Test func seedAllReservedResourcesUsed() {
        let report = ClusterStatusReport(
            timeMicros: 0,
            nodes: [Self.seedNode(memory: 4_609_000_000, objectStore: 2_147_483_648, cpuAvailable: 1,
                                  cpuInGroupAvailable: 0, gpuInGroupAvailable: 0)])
        let usage = StatusRenderer.usageLines(nodes: report.aliveNodes, verbose: false)
        #expect(usage == [
            "1.0/2.0 CPU (1.0 used of 1.0 reserved in placement groups)",
            "1.0/2.0 GPU (1.0 used of 1.0 reserved in placement groups)",
            "0B/4.29GiB memory",
            "0B/2.00GiB object_store_memory",
        ])
    }

    /// `Usage:` … end of the text, with the one-space indent removed (the seed's layout).
    static func resourceSection(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = lines.firstIndex(of: "Usage:")!
        return lines[start...].map { $0.hasPrefix(" ") ? String($0.dropFirst()) : String($0) }
            .joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    static func seedBlocks() -> [String] {
        RenderFixture.text("render-status-seed-lines.txt").components(separatedBy: "\n--\n")
            .map { $0.trimmingCharacters(in: .newlines) }
    }

    @Test func emptyClusterAndNoDemands() {
        let text = renderer.render(ClusterStatusReport(timeMicros: 1_000_000, nodes: []))
        #expect(text == """
            ======== Autoscaler status: 1970-01-01 00:00:01 ========
            Node status
            --------------------------------------------------------
            Active:
             (no active nodes)
            Pending:
             (no pending nodes)
            Recent failures:
             (no failures)

            Resources
            --------------------------------------------------------
            Usage:

            Demands:
             (no resource demands)
            """)
    }

    @Test func verboseMultiNodeWithFailuresDemandsAndExactSums() {
        let a = RenderFixture.nodeID(1), b = RenderFixture.nodeID(2), dead = RenderFixture.nodeID(3), dead2 = RenderFixture.nodeID(4)
        let nodes = [
            NodeInfo(nodeID: a, ip: "10.0.0.1", nodeManagerPort: 1, isHead: true, nodeName: "10.0.0.1",
                     resourcesTotal: RenderFixture.resources(["CPU": 1, "accelerator_type:A100": 1, "memory": 1024, "node:10.0.0.1": 1]),
                     resourcesAvailable: RenderFixture.resources(["CPU": 0.9, "accelerator_type:A100": 1, "memory": 512, "node:10.0.0.1": 1]),
                     startTimeMs: 0),
            NodeInfo(nodeID: dead, ip: "10.0.0.3", nodeManagerPort: 1, isHead: false, state: .dead, nodeName: "x",
                     resourcesTotal: RenderFixture.resources(["CPU": 64]), resourcesAvailable: RenderFixture.resources([:]),
                     startTimeMs: 0, endTimeMs: 5, deathReason: .unexpectedTermination),
            NodeInfo(nodeID: b, ip: "10.0.0.2", nodeManagerPort: 1, isHead: false, nodeName: "10.0.0.2",
                     resourcesTotal: RenderFixture.resources(["CPU": 2, "foo": 1]),
                     resourcesAvailable: RenderFixture.resources(["CPU": 1.8, "foo": 1]), startTimeMs: 0),
            NodeInfo(nodeID: dead2, ip: "10.0.0.4", nodeManagerPort: 1, isHead: false, state: .dead, nodeName: "y",
                     resourcesTotal: RenderFixture.resources(["CPU": 1]), resourcesAvailable: RenderFixture.resources([:]),
                     startTimeMs: 0, endTimeMs: 9, deathReason: .expectedTermination),
        ]
        let pg = "2ed189a49d230e426ec30a55826e01000000"
        let report = ClusterStatusReport(
            timeMicros: 1_795_279_889_281_682,
            nodes: nodes,
            taskDemands: [
                ResourceDemand(shape: RenderFixture.resources(["CPU": 0.5, "memory": 1_073_741_824]), count: 1),
                ResourceDemand(shape: RenderFixture.resources(["CPU": 1]), count: 3),
                ResourceDemand(shape: RenderFixture.resources(["CPU_group_0_\(pg)": 1, "CPU_group_\(pg)": 1,
                                                               "bundle_group_0_\(pg)": 0.001]), count: 1),
                ResourceDemand(shape: RenderFixture.resources(["foo": 1]), count: 1),
                ResourceDemand(shape: RenderFixture.resources(["bundle_group_\(pg)": 0.001]), count: 1),
            ],
            placementGroupDemands: [
                PlacementGroupDemand(bundles: [Self.ordered([("GPU", 1), ("CPU", 1)]), Self.ordered([("GPU", 1)])],
                                     strategy: "SPREAD", count: 1),
                PlacementGroupDemand(bundles: [Self.ordered([("CPU", 1)]), Self.ordered([("CPU", 1)])],
                                     strategy: "STRICT_SPREAD", count: 1),
                PlacementGroupDemand(bundles: [Self.ordered([("CPU", 1), ("GPU", 1)]), Self.ordered([("GPU", 1)])],
                                     strategy: "SPREAD", count: 2),
            ])
        let text = StatusRenderer(verbose: true, timeZone: RenderFixture.utc, gcsRequestTime: 0.004997).render(report)
        let header = "======== Autoscaler status: 2026-11-21 16:51:29.281682 ========"
        let sep = String(repeating: "-", count: 63)
        #expect(text == """
            \(header)
            GCS request time: 0.004997s

            Node status
            \(sep)
            Active:
             1 node_\(a.hex)
             1 node_\(b.hex)
            Pending:
             (no pending nodes)
            Recent failures:
             node_\(dead2.hex): NodeTerminated (ip: 10.0.0.4)
             node_\(dead.hex): NodeTerminated (ip: 10.0.0.3)

            Resources
            \(sep)
            Usage:
             0.3/3.0 CPU
             0.0/1.0 accelerator_type:A100
             0.0/1.0 foo
             512B/1.00KiB memory

            Demands:
             {'CPU': 0.5, 'memory': 1073741824.0}: 1+ pending tasks/actors
             {'CPU': 1.0}: 4+ pending tasks/actors (1+ using placement groups)
             {'foo': 1.0}: 1+ pending tasks/actors
             {'GPU': 1.0, 'CPU': 1.0} * 1, {'GPU': 1.0} * 1 (SPREAD): 3+ pending placement groups
             {'CPU': 1.0} * 2 (STRICT_SPREAD): 1+ pending placement groups

            Node: \(a.hex) (node_\(a.hex))
             Usage:
              0.1/1.0 CPU
              0.0/1.0 accelerator_type:A100
              512B/1.00KiB memory

            Node: \(b.hex) (node_\(b.hex))
             Usage:
              0.2/2.0 CPU
              0.0/1.0 foo
            """)
        // Without -v: no accelerator line, no per-node blocks, no request time.
        let plain = StatusRenderer(timeZone: RenderFixture.utc, gcsRequestTime: 0.004997).render(report)
        #expect(!plain.contains("accelerator_type"))
        #expect(!plain.contains("Node: "))
        #expect(!plain.contains("GCS request time"))
        #expect(plain.contains("\nUsage:\n 0.3/3.0 CPU\n 0.0/1.0 foo\n 512B/1.00KiB memory\n\nDemands:\n"))
    }

    @Test func verboseWithoutMeasuredTimePrintsNoTimingLines() {
        let text = StatusRenderer(verbose: true, timeZone: RenderFixture.utc).render(ClusterStatusReport(timeMicros: 0, nodes: []))
        #expect(text.hasPrefix("======== Autoscaler status: 1970-01-01 00:00:00 ========\nNode status\n"))
    }

    @Test func failuresAreCappedAtTwentyNewestFirst() {
        let dead = (0..<25).map { i in
            NodeInfo(nodeID: RenderFixture.nodeID(i), ip: "10.0.1.\(i)", nodeManagerPort: 1, isHead: false,
                     state: .dead, nodeName: "n", resourcesTotal: ResourceSet(), resourcesAvailable: ResourceSet(),
                     startTimeMs: 0, endTimeMs: Int64(i), deathReason: .expectedTermination)
        }
        let lines = StatusRenderer.failureLines(dead)
        #expect(lines.count == 20)
        #expect(lines.first == " node_\(RenderFixture.nodeID(24).hex): NodeTerminated (ip: 10.0.1.24)")
        #expect(lines.last == " node_\(RenderFixture.nodeID(5).hex): NodeTerminated (ip: 10.0.1.5)")
    }

    @Test func placementGroupMemoryReservationsUseFormatMemory() {
        let pg = "abc123"
        let node = NodeInfo(nodeID: RenderFixture.nodeID(9), ip: "1.2.3.4", nodeManagerPort: 1, isHead: false, nodeName: "n",
                            resourcesTotal: RenderFixture.resources(["memory": 4096, "memory_group_\(pg)": 2048, "memory_group_0_\(pg)": 2048]),
                            resourcesAvailable: RenderFixture.resources(["memory": 2048, "memory_group_\(pg)": 1024, "memory_group_0_\(pg)": 1024]),
                            startTimeMs: 0)
        #expect(StatusRenderer.usageLines(nodes: [node], verbose: false)
                == ["1.00KiB/4.00KiB memory (1.00KiB used of 2.00KiB reserved in placement groups)"])
    }
}
