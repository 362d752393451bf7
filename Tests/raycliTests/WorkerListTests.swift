import ClusterState
import Foundation
import Testing
@testable import raycli

/// `ray list workers` from `WorkerInfo` records.
///
/// Where the expected texts come from: Ray's `WorkerState` dicts for these workers (as
/// `state_aggregator.list_workers` + `WorkerState.humanify` build them: launch times `""` when
/// unknown, an unset end time 0 humanised to the epoch, debugger fields `None`) written out by
/// hand and printed with CPython, PyYAML 6.0.3, tabulate 0.8.10 and `json.dumps` exactly as
/// `state_cli.py` does, in UTC (see `TaskListTests`).
struct WorkerListTests {
    static let utc = RenderFixture.utc
    static let now = RenderFixture.listNow
    static let t0 = TaskListTests.t0

    static func workers() -> [WorkerInfo] {
        [
            WorkerInfo(workerID: TaskListTests.worker(0x5a), nodeID: TaskListTests.node, ip: "192.0.2.2", pid: 4242,
                       workerLaunchTimeMs: t0 - 500, workerLaunchedTimeMs: t0 - 450, startTimeMs: t0 - 100),
            WorkerInfo(workerID: .driver(of: TaskListTests.job), isAlive: false, workerType: .driver,
                       exitType: .intendedUserExit, exitDetail: "Shutdown by ray.shutdown().", nodeID: TaskListTests.node,
                       ip: "192.0.2.2", pid: 4000, startTimeMs: t0 - 2000, endTimeMs: t0 + 5000),
        ]
    }

    static func list(_ request: ListRequest) -> ListOutput {
        ListRenderer.render(request, workers: workers(), nowMicros: now, timeZone: utc)
    }

    @Test func schemaMatchesRayWorkerState() {
        let s = ListSchema.workers
        #expect(ListResource.workers.schema == s)
        #expect(s.primaryKey == "worker_id")
        #expect(s.baseColumns == ["worker_id", "is_alive", "worker_type", "exit_type", "node_id", "ip", "pid"])
        #expect(s.detailOnlyColumns == ["exit_detail", "worker_launch_time_ms", "worker_launched_time_ms",
                                        "start_time_ms", "end_time_ms", "debugger_port", "num_paused_threads"])
        #expect(s.filterableColumns == s.baseColumns + ["debugger_port", "num_paused_threads"])
        #expect(s.kind(of: "is_alive") == .bool && s.kind(of: "pid") == .int && s.kind(of: "debugger_port") == .int)
        #expect(Array(ListRows.worker(Self.workers()[0], timeZone: Self.utc).keys) == s.allColumns)
    }

    @Test func defaultTableMatchesRay() throws {
        let out = Self.list(try ListRequest(resource: .workers))
        #expect(out.stdout == TaskListTests.listStdout(total: 2, table: """
                WORKER_ID                                                 IS_ALIVE    WORKER_TYPE    EXIT_TYPE           NODE_ID                                                   IP           PID
             0  01000000ffffffffffffffffffffffffffffffffffffffffffffffff  False       DRIVER         INTENDED_USER_EXIT  85618207d51606c551694424b95454d42d3c37f06d0548b35ae02ba4  192.0.2.2   4000
             1  5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a  True        WORKER                             85618207d51606c551694424b95454d42d3c37f06d0548b35ae02ba4  192.0.2.2   4242
            """))
    }

    @Test func detailTableShowsTimes() throws {
        let out = Self.list(try ListRequest(resource: .workers, detail: true, format: .table))
        #expect(out.stdout == TaskListTests.listStdout(total: 2, table: """
                WORKER_ID                                                 IS_ALIVE    WORKER_TYPE    EXIT_TYPE           NODE_ID                                                   IP           PID  EXIT_DETAIL                  WORKER_LAUNCH_TIME_MS       WORKER_LAUNCHED_TIME_MS     START_TIME_MS               END_TIME_MS                 DEBUGGER_PORT    NUM_PAUSED_THREADS
             0  01000000ffffffffffffffffffffffffffffffffffffffffffffffff  False       DRIVER         INTENDED_USER_EXIT  85618207d51606c551694424b95454d42d3c37f06d0548b35ae02ba4  192.0.2.2   4000  Shutdown by ray.shutdown().                                                          2026-11-21 16:48:03.836000  2026-11-21 16:48:10.836000
             1  5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a  True        WORKER                             85618207d51606c551694424b95454d42d3c37f06d0548b35ae02ba4  192.0.2.2   4242                               2026-11-21 16:48:05.336000  2026-11-21 16:48:05.386000  2026-11-21 16:48:05.736000  1970-01-01 00:00:00
            """))
    }

    @Test func detailYAMLMatchesRay() throws {
        #expect(Self.list(try ListRequest(resource: .workers, detail: true)).stdout == """
            ---
            -   worker_id: 01000000ffffffffffffffffffffffffffffffffffffffffffffffff
                is_alive: false
                worker_type: DRIVER
                exit_type: INTENDED_USER_EXIT
                node_id: 85618207d51606c551694424b95454d42d3c37f06d0548b35ae02ba4
                ip: 192.0.2.2
                pid: 4000
                exit_detail: Shutdown by ray.shutdown().
                worker_launch_time_ms: ''
                worker_launched_time_ms: ''
                start_time_ms: '2026-11-21 16:48:03.836000'
                end_time_ms: '2026-11-21 16:48:10.836000'
                debugger_port: null
                num_paused_threads: null
            -   worker_id: 5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a
                is_alive: true
                worker_type: WORKER
                exit_type: null
                node_id: 85618207d51606c551694424b95454d42d3c37f06d0548b35ae02ba4
                ip: 192.0.2.2
                pid: 4242
                exit_detail: null
                worker_launch_time_ms: '2026-11-21 16:48:05.336000'
                worker_launched_time_ms: '2026-11-21 16:48:05.386000'
                start_time_ms: '2026-11-21 16:48:05.736000'
                end_time_ms: '1970-01-01 00:00:00'
                debugger_port: null
                num_paused_threads: null
            ...


            """)
    }

    @Test func jsonMatchesRay() throws {
        #expect(Self.list(try ListRequest(resource: .workers, format: .json)).stdout == #"[{"worker_id": "01000000ffffffffffffffffffffffffffffffffffffffffffffffff", "is_alive": false, "worker_type": "DRIVER", "exit_type": "INTENDED_USER_EXIT", "node_id": "85618207d51606c551694424b95454d42d3c37f06d0548b35ae02ba4", "ip": "192.0.2.2", "pid": 4000, "exit_detail": null, "worker_launch_time_ms": null, "worker_launched_time_ms": null, "start_time_ms": null, "end_time_ms": null, "debugger_port": null, "num_paused_threads": null}, {"worker_id": "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a", "is_alive": true, "worker_type": "WORKER", "exit_type": null, "node_id": "85618207d51606c551694424b95454d42d3c37f06d0548b35ae02ba4", "ip": "192.0.2.2", "pid": 4242, "exit_detail": null, "worker_launch_time_ms": null, "worker_launched_time_ms": null, "start_time_ms": null, "end_time_ms": null, "debugger_port": null, "num_paused_threads": null}]"# + "\n")
    }

    @Test func filtersUseColumnKinds() throws {
        func pids(_ filters: [String]) throws -> [Int] {
            let out = Self.list(try ListRequest(resource: .workers, filters: filters, format: .json))
            return [4000, 4242].filter { out.stdout.contains(#""pid": \#($0)"#) }
        }
        #expect(try pids(["is_alive=true"]) == [4242])
        #expect(try pids(["is_alive=0"]) == [4000])
        #expect(try pids(["IS_ALIVE!=False"]) == [4242])
        #expect(try pids(["worker_type=driver"]) == [4000])
        #expect(try pids(["pid=4242"]) == [4242])
        #expect(try pids(["exit_type=intended_user_exit"]) == [4000])
        #expect(try pids(["exit_type!=intended_user_exit"]) == [4242])  // null differs
        #expect(try pids(["debugger_port=0"]) == [])
        #expect(try pids(["ip=192.0.2.2", "node_id=\(TaskListTests.node.hex)"]) == [4000, 4242])
        #expect(throws: OutputError.filterValueConversion(value: "yes", type: "bool")) {
            try ListRequest(resource: .workers, filters: ["is_alive=yes"])
        }
        #expect(throws: OutputError.unsupportedFilterColumn(column: "start_time_ms", supported: ListSchema.workers.filterableColumns)) {
            try ListRequest(resource: .workers, filters: ["start_time_ms=0"])
        }
    }

    @Test func emptyResult() throws {
        let out = ListRenderer.render(try ListRequest(resource: .workers), workers: [], nowMicros: Self.now, timeZone: Self.utc)
        #expect(out.stdout == "No resource in the cluster\n" && out.total == 0)
    }
}
