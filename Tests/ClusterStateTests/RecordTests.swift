import ClusterState
import Foundation
import Testing

private func sampleNode(seed: UInt64 = 1, isHead: Bool = true) -> NodeInfo {
    var g = SplitMix64(seed: seed)
    let total = ResourceSet(doubles: ["CPU": 4, "GPU": 1, "node:127.0.0.1": 1, "node:__internal_head__": 1])
    return NodeInfo(nodeID: NodeID.random(using: &g), ip: "127.0.0.1", nodeManagerPort: 40123, isHead: isHead,
                    nodeName: "127.0.0.1", resourcesTotal: total,
                    resourcesAvailable: total - ResourceSet(doubles: ["CPU": 0.3]),
                    labels: ["ray.io/node-id": "abc", "zone": "a"], startTimeMs: 1_700_000_000_000,
                    rayletPid: 4242, localIndex: 2)
}

@Suite("NodeInfo")
struct NodeInfoTests {
    @Test("ALIVE → DEAD, then DEAD stays DEAD")
    func transitions() throws {
        var node = sampleNode()
        #expect(node.state == .alive)
        #expect(node.stateMessage == nil)
        try node.markDead(reason: .expectedTermination, message: "received SIGTERM", timeMs: 1_700_000_001_000)
        #expect(node.state == .dead)
        #expect(node.endTimeMs == 1_700_000_001_000)
        #expect(node.stateMessage == "Expected termination: received SIGTERM")
        #expect(throws: ClusterStateError.illegalTransition(entity: "node", from: "DEAD", to: "DEAD")) {
            try node.markDead(reason: .unexpectedTermination, message: "again", timeMs: 5)
        }
        #expect(node.deathReason == .expectedTermination)  // unchanged by the refused transition
        #expect(node.endTimeMs == 1_700_000_001_000)
        #expect(ClusterStateError.illegalTransition(entity: "node", from: "DEAD", to: "DEAD").description
                == "Illegal node state transition from DEAD to DEAD.")
    }

    @Test("state message without detail")
    func bareStateMessage() throws {
        var node = sampleNode()
        try node.markDead(reason: .unexpectedTermination, message: "", timeMs: 1)
        #expect(node.stateMessage == "Unexpected termination")
    }

    @Test("canMove table", arguments: NodeState.allCases, NodeState.allCases)
    func canMove(from: NodeState, to: NodeState) {
        #expect(from.canMove(to: to) == (from == .alive && to == .dead))
    }

    @Test("wire round trip (alive and dead)")
    func wireRoundTrip() throws {
        var node = sampleNode()
        #expect(try NodeInfo(record: node.record) == node)
        try node.markDead(reason: .unexpectedTermination, message: "health check failed", timeMs: 99)
        let back = try NodeInfo(record: node.record)
        #expect(back == node)
        #expect(back.stateMessage == "Unexpected termination: health check failed")
        // and through bytes
        let bytes: [UInt8] = try node.record.serializedBytes()
        #expect(try NodeInfo(record: Swiftray_NodeRecord(serializedBytes: bytes)) == node)
    }

    @Test("fractional resources survive the wire exactly")
    func fractional() throws {
        let node = sampleNode()
        let back = try NodeInfo(record: node.record)
        #expect(back.resourcesAvailable["CPU"].description == "3.7")
    }

    @Test("malformed records are rejected")
    func malformed() {
        var r = sampleNode().record
        r.nodeID = Data([1, 2, 3])
        #expect(throws: ClusterStateError.invalidRecord("A node record carries a node id of 3 bytes; 28 are required.")) {
            try NodeInfo(record: r)
        }
        var r2 = sampleNode().record
        r2.deathReason = "EATEN_BY_GRUE"
        #expect(throws: ClusterStateError.invalidRecord("A node record carries the unknown death reason 'EATEN_BY_GRUE'.")) {
            try NodeInfo(record: r2)
        }
    }

    @Test("an unknown node state on the wire is rejected, not read as DEAD")
    func unknownState() {
        var r = sampleNode().record
        r.state = .UNRECOGNIZED(7)
        #expect(throws: ClusterStateError.self) { try NodeInfo(record: r) }
    }

    @Test("death reason titles")
    func titles() {
        #expect(NodeDeathReason.expectedTermination.title == "Expected termination")
        #expect(NodeDeathReason.unexpectedTermination.title == "Unexpected termination")
        #expect(NodeDeathReason.expectedTermination.rawValue == "EXPECTED_TERMINATION")
    }
}

private func sampleJob(counter: UInt32 = 1) -> JobInfo {
    var g = SplitMix64(seed: 5)
    return JobInfo(jobID: JobID(counter: counter), namespace: "c36ad7e4-514d-4838-891b-9909974dd4dd",
                   entrypoint: "swiftray run demo.py", driverPid: 1234, driverIp: "127.0.0.1",
                   driverNodeID: NodeID.random(using: &g), startTimeMs: 1_700_000_000_000)
}

@Suite("JobInfo")
struct JobInfoTests {
    @Test("RUNNING → SUCCEEDED")
    func succeed() throws {
        var job = sampleJob()
        #expect(!job.isDead)
        try job.finish(status: .succeeded, message: "done", timeMs: 10)
        #expect(job.isDead)
        #expect(job.status == .succeeded)
        #expect(job.endTimeMs == 10)
        #expect(job.driverExitCode == nil)
    }

    @Test("RUNNING → FAILED with exit code")
    func fail() throws {
        var job = sampleJob()
        try job.finish(status: .failed, message: "crashed", errorType: "DRIVER_FAILED", exitCode: 1, timeMs: 11)
        #expect(job.status == .failed)
        #expect(job.errorType == "DRIVER_FAILED")
        #expect(job.driverExitCode == 1)
    }

    @Test("illegal transitions throw and leave the job unchanged", arguments: [
        (JobStatus.running, JobStatus.running), (.succeeded, .failed), (.failed, .succeeded), (.succeeded, .running),
        (.failed, .running), (.succeeded, .succeeded),
    ])
    func illegal(from: JobStatus, to: JobStatus) throws {
        var job = sampleJob()
        if from != .running { try job.finish(status: from, message: "first", timeMs: 1) }
        let before = job
        #expect(throws: ClusterStateError.illegalTransition(entity: "job", from: from.rawValue, to: to.rawValue)) {
            try job.finish(status: to, message: "second", timeMs: 2)
        }
        #expect(job == before)
    }

    @Test("canMove table", arguments: JobStatus.allCases, JobStatus.allCases)
    func canMove(from: JobStatus, to: JobStatus) {
        #expect(from.canMove(to: to) == (from == .running && to != .running))
        #expect(from.isTerminal == (from != .running))
    }

    @Test("wire round trip", arguments: [JobStatus.running, .succeeded, .failed])
    func wire(status: JobStatus) throws {
        var job = sampleJob(counter: 256)
        if status != .running {
            try job.finish(status: status, message: "m", errorType: "E", exitCode: status == .failed ? 3 : 0, timeMs: 7)
        }
        let back = try JobInfo(record: job.record)
        #expect(back == job)
        #expect(back.jobID.hex == "00010000")
    }

    @Test("exit code 0 is distinct from no exit code")
    func exitCodeZero() throws {
        var job = sampleJob()
        try job.finish(status: .succeeded, message: "", exitCode: 0, timeMs: 1)
        #expect(try JobInfo(record: job.record).driverExitCode == 0)
        #expect(try JobInfo(record: sampleJob().record).driverExitCode == nil)
    }

    @Test("no driver node id round-trips as nil")
    func noDriverNode() throws {
        var job = sampleJob()
        job.driverNodeID = nil
        #expect(try JobInfo(record: job.record).driverNodeID == nil)
    }

    @Test("malformed records are rejected")
    func malformed() {
        var r = sampleJob().record
        r.jobID = Data([1, 0, 0, 0, 0])
        #expect(throws: ClusterStateError.invalidRecord("A job record carries a job id of 5 bytes; 4 are required.")) {
            try JobInfo(record: r)
        }
        var r2 = sampleJob().record
        r2.status = .UNRECOGNIZED(42)
        #expect(throws: ClusterStateError.invalidRecord("A job record carries the unknown status 42.")) {
            try JobInfo(record: r2)
        }
    }
}
