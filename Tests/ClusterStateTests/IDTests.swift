import ClusterState
import Testing

/// One kind of Ray id, erased so the same checks run over every kind.
struct IDKind: Sendable, CustomTestStringConvertible {
    let name: String
    let expectedSize: Int
    let size: @Sendable () -> Int
    let nilHex: @Sendable () -> String
    let parse: @Sendable (String) throws -> String
    let fromBytes: @Sendable ([UInt8]) -> String?
    let random: @Sendable (UInt64) -> [UInt8]
    var testDescription: String { name }

    static func of<T: RayID>(_ type: T.Type, _ expected: Int) -> IDKind {
        IDKind(name: String(describing: type), expectedSize: expected,
               size: { T.size }, nilHex: { T.nilID.hex },
               parse: { try T(hex: $0).hex },
               fromBytes: { T(bytes: $0)?.hex },
               random: { seed in var g = SplitMix64(seed: seed); return T.random(using: &g).bytes })
    }

    static let all: [IDKind] = [
        .of(JobID.self, 4), .of(ActorID.self, 16), .of(TaskID.self, 24), .of(ObjectID.self, 28),
        .of(PlacementGroupID.self, 18), .of(NodeID.self, 28), .of(WorkerID.self, 28),
    ]
}

@Suite("Ray ids")
struct IDTests {
    @Test("sizes match Ray", arguments: IDKind.all)
    func sizes(kind: IDKind) {
        #expect(kind.size() == kind.expectedSize)
        #expect(kind.random(1).count == kind.expectedSize)
    }

    @Test("nil id is all ff", arguments: IDKind.all)
    func nilIDs(kind: IDKind) {
        #expect(kind.nilHex() == String(repeating: "ff", count: kind.expectedSize))
    }

    @Test("hex round trip, upper case accepted and rendered lower case", arguments: IDKind.all)
    func hexRoundTrip(kind: IDKind) throws {
        let bytes = kind.random(42)
        let hex = bytes.map { b in (b < 16 ? "0" : "") + String(b, radix: 16) }.joined()
        #expect(try kind.parse(hex) == hex)
        #expect(try kind.parse(hex.uppercased()) == hex)
        #expect(kind.fromBytes(bytes) == hex)
    }

    @Test("init(bytes:) rejects the wrong length", arguments: IDKind.all)
    func wrongByteCount(kind: IDKind) {
        #expect(kind.fromBytes([UInt8](repeating: 1, count: kind.expectedSize - 1)) == nil)
        #expect(kind.fromBytes([UInt8](repeating: 1, count: kind.expectedSize + 1)) == nil)
        #expect(kind.fromBytes([]) == nil)
    }

    @Test("init(hex:) rejects the wrong length", arguments: IDKind.all)
    func wrongHexLength(kind: IDKind) {
        let good = String(repeating: "ab", count: kind.expectedSize)
        for bad in ["", String(good.dropLast()), good + "a", good + "ab"] {
            #expect(throws: ClusterStateError.self) { try kind.parse(bad) }
            do {
                _ = try kind.parse(bad)
            } catch let error as ClusterStateError {
                guard case let .invalidID(k, text, reason) = error else {
                    Issue.record("unexpected error \(error)"); continue
                }
                #expect(k == kind.name)
                #expect(text == bad)
                #expect(reason.contains("length \(kind.expectedSize * 2)"))
                #expect(reason.contains("got \(bad.utf8.count)"))
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test("init(hex:) rejects non-hex characters", arguments: IDKind.all)
    func nonHex(kind: IDKind) {
        let n = kind.expectedSize * 2
        for bad in [String(repeating: "g", count: n), "zz" + String(repeating: "0", count: n - 2),
                    String(repeating: "0", count: n - 1) + "-", String(repeating: "0", count: n - 2) + " 1"] {
            do {
                _ = try kind.parse(bad)
                Issue.record("\(bad) was accepted")
            } catch let error as ClusterStateError {
                #expect(error == .invalidID(kind: kind.name, text: bad, reason: "it is not a valid hex string"))
                #expect(error.description == "Invalid \(kind.name) '\(bad)': it is not a valid hex string.")
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test("non-ASCII text of the right character count is rejected")
    func nonASCII() {
        // 4 characters but 8 UTF-8 bytes: must not be read as a JobID.
        #expect(throws: ClusterStateError.self) { try JobID(hex: "éééé") }
    }

    @Test("seeded randomness is deterministic", arguments: IDKind.all)
    func seeded(kind: IDKind) {
        #expect(kind.random(7) == kind.random(7))
        #expect(kind.random(7) != kind.random(8))
    }

    @Test("isNil")
    func isNil() {
        #expect(JobID.nilID.isNil)
        #expect(NodeID.nilID.isNil)
        #expect(!JobID(counter: 1).isNil)
        #expect(JobID(counter: UInt32.max).isNil)  // ffffffff is the nil job
    }

    @Test("description is the hex text")
    func description() {
        #expect(JobID(counter: 14).description == "0e000000")
        #expect("\(JobID(counter: 1))" == "01000000")
    }

    @Test("ids order by their hex text (not numerically)")
    func ordering() {
        #expect(JobID(counter: 256) < JobID(counter: 1))  // 00010000 < 01000000
        #expect(JobID(counter: 1) < JobID(counter: 2))
        #expect([JobID(counter: 1), JobID(counter: 256), JobID(counter: 16)].sorted().map(\.hex)
                == ["00010000", "01000000", "10000000"])
    }
}

@Suite("JobID")
struct JobIDTests {
    @Test("counter is little-endian", arguments: [
        (UInt32(1), "01000000"), (10, "0a000000"), (14, "0e000000"), (16, "10000000"),
        (256, "00010000"), (0x0102_0304, "04030201"), (0, "00000000"), (UInt32.max - 1, "feffffff"),
    ])
    func littleEndian(counter: UInt32, hex: String) throws {
        let id = JobID(counter: counter)
        #expect(id.hex == hex)
        #expect(id.bytes.count == 4)
        #expect(id.counter == counter)
        #expect(try JobID(hex: hex).counter == counter)
    }
}

@Suite("id composition")
struct IDCompositionTests {
    @Test("ActorID = 12 unique bytes + job")
    func actor() {
        var g = SplitMix64(seed: 3)
        let job = JobID(counter: 1)
        let a = ActorID.make(job: job, using: &g)
        #expect(a.bytes.count == 16)
        #expect(a.hex.hasSuffix("01000000"))
        #expect(a.jobID == job)
        var g2 = SplitMix64(seed: 3)
        #expect(ActorID.make(job: job, using: &g2) == a)
        let example = try? ActorID(hex: "e2612866cb2416cd1ec39f2b01000000")
        #expect(example?.jobID.counter == 1)
    }

    @Test("nil actor of a job")
    func nilActor() {
        let a = ActorID.nilActor(of: JobID(counter: 2))
        #expect(a.hex == String(repeating: "ff", count: 12) + "02000000")
        #expect(!a.isNil)
        #expect(a.jobID.counter == 2)
    }

    @Test("PlacementGroupID = 14 unique bytes + job")
    func placementGroup() throws {
        var g = SplitMix64(seed: 9)
        let job = JobID(counter: 14)
        let pg = PlacementGroupID.make(job: job, using: &g)
        #expect(pg.bytes.count == 18)
        #expect(pg.hex.hasSuffix("0e000000"))
        #expect(pg.jobID == job)
        let example = try PlacementGroupID(hex: "94f9a0639aaf035354dc7bb983c301000000")
        #expect(example.jobID == JobID(counter: 1))
    }

    @Test("TaskID kinds")
    func tasks() throws {
        let job = JobID(counter: 1)
        let unique: [UInt8] = [0xc8, 0xef, 0x45, 0xcc, 0xd0, 0x11, 0x25, 0x71]
        let normal = TaskID.normal(job: job, unique: unique)
        #expect(normal.hex == "c8ef45ccd0112571ffffffffffffffffffffffff01000000")
        #expect(normal.jobID == job)

        #expect(TaskID.driver(of: JobID(counter: 2)).hex == "ffffffffffffffffffffffffffffffffffffffff02000000")
        #expect(TaskID.driver(of: JobID(counter: 2)).jobID.counter == 2)

        let actor = try ActorID(hex: "e9a697abfdb43e46360ae88201000000")
        let actorTask = TaskID.actorTask(actor: actor, unique: [0xf4, 0x40, 0x2e, 0xc7, 0x8d, 0x3a, 0x26, 0x07])
        #expect(actorTask.hex == "f4402ec78d3a2607e9a697abfdb43e46360ae88201000000")
        #expect(actorTask.jobID == job)

        let creation = TaskID.actorCreation(actor: actor)
        #expect(creation.hex == "ffffffffffffffff" + actor.hex)
        #expect(creation.bytes.count == 24)
    }

    @Test("ObjectID = task + LE index")
    func objects() throws {
        let task = try TaskID(hex: "c8ef45ccd0112571ffffffffffffffffffffffff01000000")
        let first = ObjectID(task: task, index: 1)
        #expect(first.hex == task.hex + "01000000")
        #expect(ObjectID(task: task, index: 2).hex == task.hex + "02000000")
        #expect(first.taskID == task)
        #expect(first.index == 1)
        #expect(ObjectID.firstPutIndex == 100_000_001)
        // ray.put from the driver: 00 + 19×ff + job, index 100 000 001
        let putTask = TaskID(uncheckedBytes: [0x00] + [UInt8](repeating: 0xff, count: 19) + JobID(counter: 1).bytes)
        let put = ObjectID(task: putTask, index: ObjectID.firstPutIndex)
        #expect(put.hex == "00ffffffffffffffffffffffffffffffffffffff0100000001e1f505")
        #expect(put.index == 100_000_001)
        #expect(put.taskID.jobID.counter == 1)
    }

    @Test("driver worker id = job + 24 ff")
    func driverWorker() {
        let w = WorkerID.driver(of: JobID(counter: 1))
        #expect(w.hex == "01000000" + String(repeating: "ff", count: 24))
        #expect(w.hex.count == 56)
    }
}
