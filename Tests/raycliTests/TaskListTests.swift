import ClusterState
import Foundation
import Testing
@testable import raycli

/// `ray list tasks` from `TaskInfo` records: schema, rows, driver exclusion, filters, formats.
///
/// Where the expected texts come from: the state dicts Ray's state API builds for these
/// attempts (`protobuf_to_task_state_dict` + `TaskState.humanify` in
/// `python/ray/util/state/common.py` — ids in hex, unset optional fields `None`, events one per
/// state in enum order with humanised `created_ms`, `*_time_ms` humanised) were written out by
/// hand in Python and printed the way `state_cli.py` prints them, with CPython, PyYAML 6.0.3
/// (`yaml.dump(rows, indent=4, explicit_start=True, explicit_end=True, sort_keys=False)`),
/// tabulate 0.8.10 (`showindex=True, tablefmt="plain", floatfmt=".3f"`) and `json.dumps`, in
/// UTC. The table header block is `ListRenderer`'s (already checked against Ray in
/// `ListPipelineTests`).
struct TaskListTests {
    static let utc = RenderFixture.utc
    static let now = RenderFixture.listNow
    static let job = JobID(counter: 1)
    static let node = RenderFixture.nodeID(ListPipelineTests.nid)
    static let actor = try! ActorID(hex: "e9a697abfdb43e46360ae88201000000")
    /// 2026-11-21 16:48:05.836 UTC.
    static let t0: Int64 = 1_795_279_685_836

    static func worker(_ byte: UInt8) -> WorkerID { WorkerID(uncheckedBytes: [UInt8](repeating: byte, count: 28)) }

    static func events(_ pairs: (TaskState, Int64)...) -> [TaskStateEvent] {
        pairs.map { TaskStateEvent(state: $0.0, createdMs: t0 + $0.1) }
    }

    static let fID = TaskID.normal(job: job, unique: [0xc8, 0xef, 0x45, 0xcc, 0xd0, 0x11, 0x25, 0x71])
    static let incrID = TaskID.actorTask(actor: actor, unique: [0xf4, 0x40, 0x2e, 0xc7, 0x8d, 0x3a, 0x26, 0x07])

    /// Six attempts of five tasks plus the driver's pseudo task, deliberately out of order.
    static func tasks() -> [TaskInfo] {
        let driver = TaskID.driver(of: job)
        let sleeper1 = TaskID.normal(job: job, unique: [0x16, 0x31, 0x0a, 0x0f, 0x0a, 0x45, 0xaf, 0x5c])
        let sleeper2 = TaskID.normal(job: job, unique: [0x16, 0x31, 0x0a, 0x0f, 0x0a, 0x45, 0xaf, 0x5d])
        let creation = TaskID.actorCreation(actor: actor)
        let cpu = ResourceSet(doubles: ["CPU": 1])
        let cpuGpu = ResourceSet(doubles: ["GPU": 0.5, "CPU": 1])
        return [
            TaskInfo(taskID: creation, name: "Counter.__init__", state: .finished, jobID: job, actorID: actor,
                     type: .actorCreationTask, funcOrClassName: "Counter.__init__", parentTaskID: driver,
                     nodeID: node, workerID: worker(0x5c), workerPid: 4244, requiredResources: cpu,
                     events: events((.pendingArgsAvail, 200), (.pendingNodeAssignment, 200), (.submittedToWorker, 210),
                                    (.running, 211), (.finished, 250)),
                     creationTimeMs: t0 + 200, startTimeMs: t0 + 211, endTimeMs: t0 + 250),
            TaskInfo(taskID: fID, attemptNumber: 1, name: "f", state: .finished, jobID: job, type: .normalTask,
                     funcOrClassName: "f", parentTaskID: driver, nodeID: node, workerID: worker(0x5b), workerPid: 4243,
                     requiredResources: cpuGpu,
                     events: events((.pendingArgsAvail, 1001), (.pendingNodeAssignment, 1001), (.submittedToWorker, 1010),
                                    (.running, 1011), (.finished, 1500)),
                     creationTimeMs: t0 + 1001, startTimeMs: t0 + 1011, endTimeMs: t0 + 1500),
            TaskInfo(taskID: sleeper1, name: "sleeper", state: .pendingNodeAssignment, jobID: job, type: .normalTask,
                     funcOrClassName: "sleeper", parentTaskID: driver, requiredResources: cpu,
                     events: events((.pendingArgsAvail, 100), (.pendingNodeAssignment, 101)), creationTimeMs: t0 + 100),
            TaskInfo(taskID: driver, name: "", state: .running, jobID: job, type: .driverTask, funcOrClassName: "",
                     parentTaskID: .nilID, nodeID: node, workerID: WorkerID.driver(of: job), workerPid: 4000,
                     creationTimeMs: t0 - 2000),
            TaskInfo(taskID: incrID, name: "Counter.incr", state: .running, jobID: job, actorID: actor, type: .actorTask,
                     funcOrClassName: "Counter.incr", parentTaskID: driver, nodeID: node, workerID: worker(0x5c),
                     workerPid: 4244,
                     events: events((.pendingArgsAvail, 300), (.submittedToWorker, 301), (.running, 302)),
                     creationTimeMs: t0 + 300, startTimeMs: t0 + 302),
            TaskInfo(taskID: fID, name: "f", state: .failed, jobID: job, type: .normalTask, funcOrClassName: "f",
                     parentTaskID: driver, nodeID: node, workerID: worker(0x5a), workerPid: 4242,
                     errorType: "WORKER_DIED", errorMessage: "The worker died unexpectedly.", requiredResources: cpuGpu,
                     // Reported out of enum order: Ray prints events in enum order.
                     events: events((.failed, 1000), (.pendingArgsAvail, 0), (.pendingNodeAssignment, 1),
                                    (.submittedToWorker, 20), (.running, 25)),
                     creationTimeMs: t0, startTimeMs: t0 + 25, endTimeMs: t0 + 1000),
            TaskInfo(taskID: sleeper2, name: "sleeper", state: .running, jobID: job, type: .normalTask,
                     funcOrClassName: "sleeper", parentTaskID: driver, nodeID: node, workerID: worker(0x5a),
                     workerPid: 4245, requiredResources: cpu,
                     events: events((.pendingArgsAvail, 100), (.pendingNodeAssignment, 101), (.submittedToWorker, 150),
                                    (.running, 160)),
                     creationTimeMs: t0 + 100, startTimeMs: t0 + 160),
        ]
    }

    static func list(_ request: ListRequest, _ tasks: [TaskInfo] = tasks(), excludeDriver: Bool = true) -> ListOutput {
        ListRenderer.render(request, tasks: tasks, excludeDriver: excludeDriver, nowMicros: now, timeZone: utc)
    }

    /// `ListRenderer`'s table block around a tabulate table.
    static func listStdout(total: Int, table: String) -> String {
        let dashes = String(repeating: "-", count: 30)
        return "\n======== List: 2026-11-21 16:46:51.638383 ========\nStats:\n\(dashes)\nTotal: \(total)\n\nTable:\n\(dashes)\n\(table)\n\n"
    }

    // MARK: - schema

    @Test func schemaMatchesRayTaskState() {
        let s = ListSchema.tasks
        #expect(ListResource.tasks.schema == s)
        #expect(s.primaryKey == "task_id")
        #expect(s.baseColumns.map { $0.uppercased() } == [
            "TASK_ID", "ATTEMPT_NUMBER", "NAME", "STATE", "JOB_ID", "ACTOR_ID", "TYPE", "FUNC_OR_CLASS_NAME",
            "PARENT_TASK_ID", "NODE_ID", "WORKER_ID", "WORKER_PID", "ERROR_TYPE"])
        #expect(s.detailOnlyColumns == [
            "language", "required_resources", "runtime_env_info", "placement_group_id", "events", "profiling_data",
            "creation_time_ms", "start_time_ms", "end_time_ms", "task_log_info", "error_message",
            "is_debugger_paused", "call_site", "label_selector", "fallback_strategy"])
        #expect(Set(s.filterableColumns) == Set(s.baseColumns + ["language", "placement_group_id", "is_debugger_paused"]))
        #expect(s.kind(of: "attempt_number") == .int && s.kind(of: "worker_pid") == .int)
        #expect(s.kind(of: "is_debugger_paused") == .bool && s.kind(of: "events") == .other)
        // Every row carries exactly the schema's columns, in its order.
        #expect(Array(ListRows.task(Self.tasks()[0], timeZone: Self.utc).keys) == s.allColumns)
    }

    // MARK: - table

    @Test func defaultTableMatchesRay() throws {
        let out = Self.list(try ListRequest(resource: .tasks))
        #expect(out.total == 6 && out.shown == 6 && out.warnings.isEmpty)
        #expect(out.stdout == Self.listStdout(total: 6, table: """
                TASK_ID                                             ATTEMPT_NUMBER  NAME              STATE                      JOB_ID  ACTOR_ID                          TYPE                 FUNC_OR_CLASS_NAME    PARENT_TASK_ID                                    NODE_ID                                                   WORKER_ID                                                   WORKER_PID  ERROR_TYPE
             0  16310a0f0a45af5cffffffffffffffffffffffff01000000                 0  sleeper           PENDING_NODE_ASSIGNMENT  01000000                                    NORMAL_TASK          sleeper               ffffffffffffffffffffffffffffffffffffffff01000000
             1  16310a0f0a45af5dffffffffffffffffffffffff01000000                 0  sleeper           RUNNING                  01000000                                    NORMAL_TASK          sleeper               ffffffffffffffffffffffffffffffffffffffff01000000  85618207d51606c551694424b95454d42d3c37f06d0548b35ae02ba4  5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a          4245
             2  c8ef45ccd0112571ffffffffffffffffffffffff01000000                 0  f                 FAILED                   01000000                                    NORMAL_TASK          f                     ffffffffffffffffffffffffffffffffffffffff01000000  85618207d51606c551694424b95454d42d3c37f06d0548b35ae02ba4  5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a          4242  WORKER_DIED
             3  c8ef45ccd0112571ffffffffffffffffffffffff01000000                 1  f                 FINISHED                 01000000                                    NORMAL_TASK          f                     ffffffffffffffffffffffffffffffffffffffff01000000  85618207d51606c551694424b95454d42d3c37f06d0548b35ae02ba4  5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b          4243
             4  f4402ec78d3a2607e9a697abfdb43e46360ae88201000000                 0  Counter.incr      RUNNING                  01000000  e9a697abfdb43e46360ae88201000000  ACTOR_TASK           Counter.incr          ffffffffffffffffffffffffffffffffffffffff01000000  85618207d51606c551694424b95454d42d3c37f06d0548b35ae02ba4  5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c          4244
             5  ffffffffffffffffe9a697abfdb43e46360ae88201000000                 0  Counter.__init__  FINISHED                 01000000  e9a697abfdb43e46360ae88201000000  ACTOR_CREATION_TASK  Counter.__init__      ffffffffffffffffffffffffffffffffffffffff01000000  85618207d51606c551694424b95454d42d3c37f06d0548b35ae02ba4  5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c          4244
            """))
    }

    // MARK: - detail / yaml / json

    @Test func detailYAMLOfFailedAttempt() throws {
        let request = try ListRequest(resource: .tasks, filters: ["task_id=\(Self.fID.hex)", "attempt_number=0"], detail: true)
        #expect(Self.list(request).stdout == """
            ---
            -   task_id: c8ef45ccd0112571ffffffffffffffffffffffff01000000
                attempt_number: 0
                name: f
                state: FAILED
                job_id: '01000000'
                actor_id: null
                type: NORMAL_TASK
                func_or_class_name: f
                parent_task_id: ffffffffffffffffffffffffffffffffffffffff01000000
                node_id: 85618207d51606c551694424b95454d42d3c37f06d0548b35ae02ba4
                worker_id: 5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a
                worker_pid: 4242
                error_type: WORKER_DIED
                language: PYTHON
                required_resources:
                    CPU: 1.0
                    GPU: 0.5
                runtime_env_info:
                    serialized_runtime_env: '{}'
                    runtime_env_config:
                        setup_timeout_seconds: 600
                        eager_install: true
                        log_files: []
                placement_group_id: null
                events:
                -   state: PENDING_ARGS_AVAIL
                    created_ms: '2026-11-21 16:48:05.836000'
                -   state: PENDING_NODE_ASSIGNMENT
                    created_ms: '2026-11-21 16:48:05.837000'
                -   state: SUBMITTED_TO_WORKER
                    created_ms: '2026-11-21 16:48:05.856000'
                -   state: RUNNING
                    created_ms: '2026-11-21 16:48:05.861000'
                -   state: FAILED
                    created_ms: '2026-11-21 16:48:06.836000'
                profiling_data: {}
                creation_time_ms: '2026-11-21 16:48:05.836000'
                start_time_ms: '2026-11-21 16:48:05.861000'
                end_time_ms: '2026-11-21 16:48:06.836000'
                task_log_info: null
                error_message: The worker died unexpectedly.
                is_debugger_paused: null
                call_site: null
                label_selector: {}
                fallback_strategy: null
            ...


            """)
    }

    @Test func jsonCarriesEveryColumn() throws {
        let filter = "task_id=\(Self.incrID.hex)"
        let plain = Self.list(try ListRequest(resource: .tasks, filters: [filter], format: .json))
        #expect(plain.stdout == #"[{"task_id": "f4402ec78d3a2607e9a697abfdb43e46360ae88201000000", "attempt_number": 0, "name": "Counter.incr", "state": "RUNNING", "job_id": "01000000", "actor_id": "e9a697abfdb43e46360ae88201000000", "type": "ACTOR_TASK", "func_or_class_name": "Counter.incr", "parent_task_id": "ffffffffffffffffffffffffffffffffffffffff01000000", "node_id": "85618207d51606c551694424b95454d42d3c37f06d0548b35ae02ba4", "worker_id": "5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c", "worker_pid": 4244, "error_type": null, "language": null, "required_resources": null, "runtime_env_info": null, "placement_group_id": null, "events": null, "profiling_data": null, "creation_time_ms": null, "start_time_ms": null, "end_time_ms": null, "task_log_info": null, "error_message": null, "is_debugger_paused": null, "call_site": null, "label_selector": null, "fallback_strategy": null}]"# + "\n")
        let detail = Self.list(try ListRequest(resource: .tasks, filters: [filter], detail: true, format: .json))
        #expect(detail.stdout == #"[{"task_id": "f4402ec78d3a2607e9a697abfdb43e46360ae88201000000", "attempt_number": 0, "name": "Counter.incr", "state": "RUNNING", "job_id": "01000000", "actor_id": "e9a697abfdb43e46360ae88201000000", "type": "ACTOR_TASK", "func_or_class_name": "Counter.incr", "parent_task_id": "ffffffffffffffffffffffffffffffffffffffff01000000", "node_id": "85618207d51606c551694424b95454d42d3c37f06d0548b35ae02ba4", "worker_id": "5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c", "worker_pid": 4244, "error_type": null, "language": "PYTHON", "required_resources": {}, "runtime_env_info": {"serialized_runtime_env": "{}", "runtime_env_config": {"setup_timeout_seconds": 600, "eager_install": true, "log_files": []}}, "placement_group_id": null, "events": [{"state": "PENDING_ARGS_AVAIL", "created_ms": "2026-11-21 16:48:06.136000"}, {"state": "SUBMITTED_TO_WORKER", "created_ms": "2026-11-21 16:48:06.137000"}, {"state": "RUNNING", "created_ms": "2026-11-21 16:48:06.138000"}], "profiling_data": {}, "creation_time_ms": "2026-11-21 16:48:06.136000", "start_time_ms": "2026-11-21 16:48:06.138000", "end_time_ms": null, "task_log_info": null, "error_message": null, "is_debugger_paused": null, "call_site": null, "label_selector": {}, "fallback_strategy": null}]"# + "\n")
    }

    // MARK: - driver tasks

    @Test func driverTasksAreExcludedByDefault() throws {
        let all = Self.tasks()
        #expect(all.count == 7)
        let visible = ListRows.visibleTasks(all)
        #expect(visible.count == 6 && !visible.contains { $0.type == .driverTask })
        // Ordered by task id, then attempt (attempt 1 of f was given before attempt 0).
        #expect(visible.map { "\($0.taskID.hex.prefix(16))/\($0.attemptNumber)" } == [
            "16310a0f0a45af5c/0", "16310a0f0a45af5d/0", "c8ef45ccd0112571/0", "c8ef45ccd0112571/1",
            "f4402ec78d3a2607/0", "ffffffffffffffff/0"])
        #expect(ListRows.visibleTasks(all, excludeDriver: false).count == 7)
        let withDriver = Self.list(try ListRequest(resource: .tasks, filters: ["type=driver_task"], format: .json),
                                   excludeDriver: false)
        #expect(withDriver.shown == 1 && withDriver.stdout.contains(#""task_id": "ffffffffffffffffffffffffffffffffffffffff01000000""#))
        #expect(Self.list(try ListRequest(resource: .tasks, filters: ["type=driver_task"])).stdout == "No resource in the cluster\n")
        // A cluster with only its driver lists nothing.
        #expect(Self.list(try ListRequest(resource: .tasks), all.filter { $0.type == .driverTask }).stdout
                == "No resource in the cluster\n")
    }

    // MARK: - filters

    @Test func filtersUseColumnKinds() throws {
        func ids(_ filters: [String]) throws -> [String] {
            let out = Self.list(try ListRequest(resource: .tasks, filters: filters, format: .json))
            guard out.shown > 0 else { return [] }
            return out.stdout.components(separatedBy: #""task_id": ""#).dropFirst().map { String($0.prefix(16)) }
        }
        #expect(try ids(["attempt_number=0"]).count == 5)
        #expect(try ids(["attempt_number=1"]) == ["c8ef45ccd0112571"])
        #expect(try ids(["attempt_number!=0"]) == ["c8ef45ccd0112571"])
        #expect(try ids(["worker_pid=4244"]) == ["f4402ec78d3a2607", "ffffffffffffffff"])
        #expect(try ids(["state=running"]) == ["16310a0f0a45af5d", "f4402ec78d3a2607"])
        #expect(try ids(["type!=NORMAL_TASK"]) == ["f4402ec78d3a2607", "ffffffffffffffff"])
        #expect(try ids(["error_type=worker_died"]) == ["c8ef45ccd0112571"])
        #expect(try ids(["actor_id=\(Self.actor.hex)", "type=actor_task"]) == ["f4402ec78d3a2607"])
        #expect(try ids(["language=python"]).count == 6)  // detail-only columns filter without --detail
        #expect(try ids(["node_id!=\(Self.node.hex)"]) == ["16310a0f0a45af5c"])  // null differs
        #expect(try ids(["is_debugger_paused=false"]) == [])  // null never equals
        #expect(throws: OutputError.filterValueConversion(value: "x", type: "int")) {
            try ListRequest(resource: .tasks, filters: ["attempt_number=x"])
        }
        #expect(throws: OutputError.unsupportedFilterColumn(column: "events", supported: ListSchema.tasks.filterableColumns)) {
            try ListRequest(resource: .tasks, filters: ["events=x"])
        }
        #expect(throws: OutputError.invalidFilterKey(key: "bogus", resource: "tasks", available: ListSchema.tasks.allColumns)) {
            try ListRequest(resource: .tasks, filters: ["bogus=x"])
        }
    }

    // MARK: - row values

    @Test func rowFollowsRaysStateDict() {
        var t = Self.tasks()[4]  // Counter.incr, RUNNING
        t.errorType = "TASK_EXECUTION_EXCEPTION"
        t.errorMessage = "boom"
        t.events += [TaskStateEvent(state: .pendingArgsAvail, createdMs: Self.t0 + 999)]
        t.placementGroupID = try! PlacementGroupID(hex: "2ed189a49d230e426ec30a55826e01000000")
        let row = ListRows.task(t, timeZone: Self.utc)
        // Error fields only for FAILED attempts.
        #expect(row["error_type"] == .null && row["error_message"] == .null)
        // One event per state, the last time wins, enum order.
        #expect(row["events"] == [
            ["state": "PENDING_ARGS_AVAIL", "created_ms": "2026-11-21 16:48:06.835000"],
            ["state": "SUBMITTED_TO_WORKER", "created_ms": "2026-11-21 16:48:06.137000"],
            ["state": "RUNNING", "created_ms": "2026-11-21 16:48:06.138000"],
        ])
        #expect(row["placement_group_id"] == "2ed189a49d230e426ec30a55826e01000000")
        #expect(row["end_time_ms"] == .null && row["required_resources"] == .dict([:]))
        // Local time, like Python's datetime.fromtimestamp.
        let tokyo = ListRows.task(t, timeZone: TimeZone(identifier: "Asia/Tokyo")!)
        #expect(tokyo["creation_time_ms"] == "2026-11-22 01:48:06.136000")
        var failed = t
        failed.state = .failed
        #expect(ListRows.task(failed, timeZone: Self.utc)["error_type"] == "TASK_EXECUTION_EXCEPTION")
        #expect(ListRows.task(failed, timeZone: Self.utc)["error_message"] == "boom")
    }
}
