import ClusterState
import Foundation
import Testing
@testable import raycli

/// `ray list objects` from `ObjectInfo` records.
///
/// Where the expected texts come from: Ray's `ObjectState` dicts for these references (as
/// `memory_utils.MemoryTableEntry.as_dict` + `state_aggregator.list_objects` build them:
/// attempt number plus one, `NIL` task status for puts and handles, `type` upper-cased, then
/// `object_size` through `Humanify.memory`) written out by hand and printed with CPython,
/// PyYAML 6.0.3, tabulate 0.8.10 and `json.dumps` as `state_cli.py` does (see
/// `TaskListTests`). The callsite warning text is `state_aggregator.list_objects`'s.
struct ObjectListTests {
    static let utc = RenderFixture.utc
    static let now = RenderFixture.listNow
    static let job = TaskListTests.job

    static let putID = ObjectID(task: try! TaskID(hex: "00ffffffffffffffffffffffffffffffffffffff01000000"),
                                index: ObjectID.firstPutIndex)
    static let returnID = ObjectID(task: TaskListTests.fID, index: 1)
    static let handleID = ObjectID(task: .actorCreation(actor: TaskListTests.actor), index: 1)

    /// Four references to three objects (the task return is held by the driver and a worker).
    static func objects() -> [ObjectInfo] {
        [
            ObjectInfo(objectID: returnID, objectSize: 15, taskStatus: .finished, attemptNumber: 1,
                       referenceType: .localReference, type: .driver, pid: 4000, ip: "192.0.2.2"),
            ObjectInfo(objectID: putID, objectSize: 2_000_000, taskStatus: .nil, referenceType: .localReference,
                       type: .driver, pid: 4000, ip: "192.0.2.2"),
            ObjectInfo(objectID: handleID, objectSize: -1, taskStatus: .nil, referenceType: .actorHandle,
                       type: .driver, pid: 4000, ip: "192.0.2.2"),
            ObjectInfo(objectID: returnID, objectSize: 15, taskStatus: .finished, attemptNumber: 1,
                       referenceType: .pinnedInMemory, type: .worker, pid: 4244, ip: "192.0.2.3"),
        ]
    }

    static func list(_ request: ListRequest, callsiteRecorded: Bool = false) -> ListOutput {
        ListRenderer.render(request, objects: objects(), callsiteRecorded: callsiteRecorded, nowMicros: now, timeZone: utc)
    }

    static let callsiteWarning = "Callsite is not being recorded. To record callsite information for each ObjectRef created, set env variable RAY_record_ref_creation_sites=1 during `ray start` and `ray.init`."

    @Test func idsAreRays() {
        #expect(Self.putID.hex == "00ffffffffffffffffffffffffffffffffffffff0100000001e1f505")
        #expect(Self.returnID.hex == "c8ef45ccd0112571ffffffffffffffffffffffff0100000001000000")
        #expect(Self.handleID.hex == "ffffffffffffffffe9a697abfdb43e46360ae8820100000001000000")
    }

    @Test func schemaMatchesRayObjectState() {
        let s = ListSchema.objects
        #expect(ListResource.objects.schema == s)
        #expect(s.primaryKey == "object_id")
        #expect(s.baseColumns == ["object_id", "object_size", "task_status", "attempt_number", "reference_type",
                                  "call_site", "type", "pid", "ip"])
        #expect(s.allColumns == s.baseColumns && s.filterableColumns == s.baseColumns && s.detailOnlyColumns.isEmpty)
        #expect(s.kind(of: "object_size") == .int && s.kind(of: "attempt_number") == .int && s.kind(of: "pid") == .int)
        #expect(Array(ListRows.object(Self.objects()[0]).keys) == s.allColumns)
    }

    @Test func defaultTableMatchesRay() throws {
        let out = Self.list(try ListRequest(resource: .objects))
        #expect(out.stdout == TaskListTests.listStdout(total: 4, table: """
                OBJECT_ID                                                 OBJECT_SIZE    TASK_STATUS      ATTEMPT_NUMBER  REFERENCE_TYPE    CALL_SITE    TYPE      PID  IP
             0  00ffffffffffffffffffffffffffffffffffffff0100000001e1f505  1.907 MiB      NIL                           1  LOCAL_REFERENCE   disabled     DRIVER   4000  192.0.2.2
             1  c8ef45ccd0112571ffffffffffffffffffffffff0100000001000000  15.000 B       FINISHED                      2  LOCAL_REFERENCE   disabled     DRIVER   4000  192.0.2.2
             2  c8ef45ccd0112571ffffffffffffffffffffffff0100000001000000  15.000 B       FINISHED                      2  PINNED_IN_MEMORY  disabled     WORKER   4244  192.0.2.3
             3  ffffffffffffffffe9a697abfdb43e46360ae8820100000001000000  -1.000 B       NIL                           1  ACTOR_HANDLE      disabled     DRIVER   4000  192.0.2.2
            """))
        #expect(out.warnings == [Self.callsiteWarning])
        #expect(Self.list(try ListRequest(resource: .objects), callsiteRecorded: true).warnings.isEmpty)
    }

    @Test func yamlAndJSONMatchRay() throws {
        let yaml = Self.list(try ListRequest(resource: .objects, format: .yaml))
        #expect(yaml.warnings.isEmpty)  // Ray prints the API warnings only for table output
        #expect(yaml.stdout == """
            ---
            -   object_id: 00ffffffffffffffffffffffffffffffffffffff0100000001e1f505
                object_size: 1.907 MiB
                task_status: NIL
                attempt_number: 1
                reference_type: LOCAL_REFERENCE
                call_site: disabled
                type: DRIVER
                pid: 4000
                ip: 192.0.2.2
            -   object_id: c8ef45ccd0112571ffffffffffffffffffffffff0100000001000000
                object_size: 15.000 B
                task_status: FINISHED
                attempt_number: 2
                reference_type: LOCAL_REFERENCE
                call_site: disabled
                type: DRIVER
                pid: 4000
                ip: 192.0.2.2
            -   object_id: c8ef45ccd0112571ffffffffffffffffffffffff0100000001000000
                object_size: 15.000 B
                task_status: FINISHED
                attempt_number: 2
                reference_type: PINNED_IN_MEMORY
                call_site: disabled
                type: WORKER
                pid: 4244
                ip: 192.0.2.3
            -   object_id: ffffffffffffffffe9a697abfdb43e46360ae8820100000001000000
                object_size: -1.000 B
                task_status: NIL
                attempt_number: 1
                reference_type: ACTOR_HANDLE
                call_site: disabled
                type: DRIVER
                pid: 4000
                ip: 192.0.2.2
            ...


            """)
        // `--detail` adds nothing: objects have no detail-only column.
        #expect(Self.list(try ListRequest(resource: .objects, detail: true)).stdout == yaml.stdout)
        let json = Self.list(try ListRequest(resource: .objects, format: .json))
        #expect(json.warnings.isEmpty)
        #expect(json.stdout == #"[{"object_id": "00ffffffffffffffffffffffffffffffffffffff0100000001e1f505", "object_size": "1.907 MiB", "task_status": "NIL", "attempt_number": 1, "reference_type": "LOCAL_REFERENCE", "call_site": "disabled", "type": "DRIVER", "pid": 4000, "ip": "192.0.2.2"}, {"object_id": "c8ef45ccd0112571ffffffffffffffffffffffff0100000001000000", "object_size": "15.000 B", "task_status": "FINISHED", "attempt_number": 2, "reference_type": "LOCAL_REFERENCE", "call_site": "disabled", "type": "DRIVER", "pid": 4000, "ip": "192.0.2.2"}, {"object_id": "c8ef45ccd0112571ffffffffffffffffffffffff0100000001000000", "object_size": "15.000 B", "task_status": "FINISHED", "attempt_number": 2, "reference_type": "PINNED_IN_MEMORY", "call_site": "disabled", "type": "WORKER", "pid": 4244, "ip": "192.0.2.3"}, {"object_id": "ffffffffffffffffe9a697abfdb43e46360ae8820100000001000000", "object_size": "-1.000 B", "task_status": "NIL", "attempt_number": 1, "reference_type": "ACTOR_HANDLE", "call_site": "disabled", "type": "DRIVER", "pid": 4000, "ip": "192.0.2.2"}]"# + "\n")
    }

    @Test func filtersCompareRawValues() throws {
        func count(_ filters: [String]) throws -> Int {
            Self.list(try ListRequest(resource: .objects, filters: filters, format: .json)).shown
        }
        // object_size filters compare bytes, before humanising (Ray filters on the server).
        #expect(try count(["object_size=15"]) == 2)
        #expect(try count(["object_size=-1"]) == 1)
        #expect(try count(["object_size!=15"]) == 2)
        #expect(throws: OutputError.filterValueConversion(value: "15.000 B", type: "int")) {
            try ListRequest(resource: .objects, filters: ["object_size=15.000 B"])
        }
        #expect(try count(["attempt_number=2"]) == 2)  // printed attempt (record attempt + 1)
        #expect(try count(["attempt_number=0"]) == 0)
        #expect(try count(["type=worker"]) == 1)
        #expect(try count(["reference_type=local_reference"]) == 2)
        #expect(try count(["task_status=nil"]) == 2)
        #expect(try count(["call_site=DISABLED", "pid=4000"]) == 3)
        #expect(try count(["object_id=\(Self.returnID.hex)"]) == 2)  // `ray get objects` may return several
        let out = Self.list(try ListRequest(resource: .objects, filters: ["object_size=15"]))
        #expect(out.total == 2 && out.stdout.contains("Total: 2"))
    }

    @Test func limitWarningComesBeforeCallsiteWarning() throws {
        let out = Self.list(try ListRequest(resource: .objects, limit: 1))
        #expect(out.shown == 1 && out.total == 4)
        #expect(out.warnings == [ListRenderer.limitWarning(shown: 1, total: 4), Self.callsiteWarning])
    }

    @Test func emptyResult() throws {
        let out = ListRenderer.render(try ListRequest(resource: .objects), objects: [], nowMicros: Self.now, timeZone: Self.utc)
        #expect(out.stdout == "No resource in the cluster\n")
        #expect(out.warnings == [Self.callsiteWarning])  // Ray warns even when nothing is listed
    }
}
