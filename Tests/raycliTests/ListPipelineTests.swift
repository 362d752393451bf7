import ClusterState
import Foundation
import Testing
@testable import raycli

/// The `ray list` pipeline: schemas, row builders, filters, sorting, limit, every format.
struct ListPipelineTests {
    static let nid = "85618207d51606c551694424b95454d42d3c37f06d0548b35ae02ba4"
    static let utc = RenderFixture.utc
    static let now = RenderFixture.listNow

    /// The reference §4.2 head node.
    static func referenceNode() -> NodeInfo {
        NodeInfo(nodeID: RenderFixture.nodeID(nid), ip: "192.0.2.2", nodeManagerPort: 1, isHead: true,
                 nodeName: "192.0.2.2",
                 resourcesTotal: RenderFixture.resources(["CPU": 2, "GPU": 2, "memory": 17_366_000_000,
                                                          "node:192.0.2.2": 1, "node:__internal_head__": 1,
                                                          "object_store_memory": 7_442_000_000]),
                 resourcesAvailable: ResourceSet(), startTimeMs: 1_795_279_685_836)
    }

    static func deadNode() -> NodeInfo {
        NodeInfo(nodeID: RenderFixture.nodeID(7), ip: "192.0.2.3", nodeManagerPort: 1, isHead: false, state: .dead,
                 nodeName: "192.0.2.3", resourcesTotal: RenderFixture.resources(["CPU": 1]),
                 resourcesAvailable: ResourceSet(), startTimeMs: 1_795_279_685_000, endTimeMs: 1_795_279_700_500,
                 deathReason: .expectedTermination, deathMessage: "received SIGTERM")
    }

    static func job(_ counter: UInt32, status: JobStatus = .running, namespace: String = "ns") -> JobInfo {
        JobInfo(jobID: JobID(counter: counter), namespace: namespace, entrypoint: "swiftray run demo.py",
                driverPid: 4242, driverIp: "192.0.2.2", startTimeMs: 1_795_279_685_000, status: status)
    }

    static func list(_ request: ListRequest, nodes: [NodeInfo]) -> ListOutput {
        ListRenderer.render(request, nodes: nodes, nowMicros: now, timeZone: utc)
    }

    // MARK: - table output

    @Test func nodesTableMatchesReference() throws {
        let out = Self.list(try ListRequest(resource: .nodes), nodes: [Self.referenceNode()])
        let table = RenderFixture.text("render-nodes-table.txt")
        let dashes = String(repeating: "-", count: 30)
        #expect(out.stdout == "\n======== List: 2026-11-21 16:46:51.638383 ========\nStats:\n\(dashes)\nTotal: 1\n\nTable:\n\(dashes)\n\(table)\n")
        #expect(out.warnings.isEmpty)
        #expect(out.total == 1 && out.shown == 1)
    }

    /// The seed's `ray list placement-groups` (rows built by hand: the schema is what is tested).
    /// The index column prints ` 0` as tabulate does (see TableRendererTests).
    @Test func seedPlacementGroupsList() throws {
        func row(_ id: String, _ state: String) -> StateRow {
            ["placement_group_id": .string(id), "name": "", "creator_job_id": "01000000", "state": .string(state)]
        }
        let request = try ListRequest(resource: "placement-groups")
        let out = ListRenderer.render(request, rows: [row("e1b043bebc751c3081bddc24834d01000000", "PENDING"),
                                                      row("3cd6174711f47c14132155039c0501000000", "CREATED")],
                                      nowMicros: 1_680_830_183_733_410, timeZone: Self.utc)
        #expect(out.stdout == """

            ======== List: 2023-04-07 01:16:23.733410 ========
            Stats:
            ------------------------------
            Total: 2

            Table:
            ------------------------------
                PLACEMENT_GROUP_ID                    NAME      CREATOR_JOB_ID  STATE
             0  3cd6174711f47c14132155039c0501000000                  01000000  CREATED
             1  e1b043bebc751c3081bddc24834d01000000                  01000000  PENDING


            """)
    }

    @Test func jobsTableKeepsIdsAndSortsByIdString() throws {
        // Job 14 is `0e000000` (a float to Python); job 256 is `00010000` and sorts first.
        let jobs = [Self.job(14, status: .failed), Self.job(1, status: .succeeded), Self.job(256),
                    Self.job(2, namespace: "_ray_internal_dashboard")]
        let out = ListRenderer.render(try ListRequest(resource: .jobs), jobs: jobs, nowMicros: Self.now, timeZone: Self.utc)
        let lines = out.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[4] == "Total: 3")
        let table = lines[8...].joined(separator: "\n")
        #expect(table == """
                  JOB_ID  SUBMISSION_ID    ENTRYPOINT            TYPE    STATUS     MESSAGE    ERROR_TYPE    DRIVER_INFO
             0  00010000                   swiftray run demo.py  DRIVER  RUNNING                             id: '00010000'
                                                                                                             node_ip_address: 192.0.2.2
                                                                                                             pid: '4242'
             1  01000000                   swiftray run demo.py  DRIVER  SUCCEEDED                           id: '01000000'
                                                                                                             node_ip_address: 192.0.2.2
                                                                                                             pid: '4242'
             2  0e000000                   swiftray run demo.py  DRIVER  FAILED                              id: 0e000000
                                                                                                             node_ip_address: 192.0.2.2
                                                                                                             pid: '4242'


            """)
    }

    @Test func emptyResultPrintsNoResource() throws {
        #expect(Self.list(try ListRequest(resource: .nodes), nodes: []).stdout == "No resource in the cluster\n")
        for format in ListFormat.allCases {
            let r = try ListRequest(resource: .nodes, filters: ["state=dead"], format: format)
            #expect(Self.list(r, nodes: [Self.referenceNode()]).stdout == "No resource in the cluster\n")
        }
    }

    // MARK: - limit

    @Test func limitCutsRowsAndWarnsOnlyForTables() throws {
        let nodes = (0..<9).map { i in
            NodeInfo(nodeID: RenderFixture.nodeID(i), ip: "10.0.0.\(i)", nodeManagerPort: 1, isHead: false,
                     nodeName: "n\(i)", resourcesTotal: ResourceSet(), resourcesAvailable: ResourceSet(), startTimeMs: 0)
        }
        let out = Self.list(try ListRequest(resource: .nodes, limit: 2), nodes: nodes)
        #expect(out.stdout.contains("\nTotal: 2\n"))
        #expect(out.total == 9 && out.shown == 2)
        #expect(out.warnings == ["Limit last 2 entries (Total 9). Use `--filter` to reduce the amount of data to return or setting a higher limit with `--limit` to see all data. "])
        // The first two after sorting by node id.
        let sortedIDs = nodes.map(\.nodeID.hex).sorted()
        #expect(out.stdout.contains(" 0  \(sortedIDs[0])") && out.stdout.contains(" 1  \(sortedIDs[1])"))
        for format in [ListFormat.json, .yaml] {
            #expect(Self.list(try ListRequest(resource: .nodes, limit: 2, format: format), nodes: nodes).warnings.isEmpty)
        }
        #expect(Self.list(try ListRequest(resource: .nodes, limit: 2, detail: true), nodes: nodes).warnings.isEmpty)
        #expect(Self.list(try ListRequest(resource: .nodes, limit: 2, format: .table), nodes: nodes).warnings.count == 1)
    }

    @Test func limitBounds() throws {
        #expect(try ListRequest(resource: .nodes, limit: 10_000).limit == 10_000)
        #expect(try ListRequest(resource: .nodes).limit == 100)
        #expect(throws: OutputError.limitTooLarge(limit: 100_000, max: 10_000)) {
            try ListRequest(resource: .nodes, limit: 100_000)
        }
        #expect(OutputError.limitTooLarge(limit: 100_000, max: 10_000).description
                == "Given limit 100000 exceeds the supported limit 10000. Use a lower limit, or set the `RAY_MAX_LIMIT_FROM_API_SERVER` environment variable to a larger value.")
        #expect(throws: OutputError.limitNotPositive(limit: 0)) { try ListRequest(resource: .nodes, limit: 0) }
    }

    // MARK: - filters

    @Test func filterParsing() throws {
        #expect(try ListFilter.parse("state=ALIVE") == ListFilter(key: "state", predicate: .equal, value: "ALIVE"))
        #expect(try ListFilter.parse("state!=ALIVE") == ListFilter(key: "state", predicate: .notEqual, value: "ALIVE"))
        #expect(try ListFilter.parse("name=a=b") == ListFilter(key: "name", predicate: .equal, value: "a=b"))
        #expect(try ListFilter.parse("name=a!=b") == ListFilter(key: "name", predicate: .equal, value: "a!=b"))
        #expect(try ListFilter.parse("a!b=c") == ListFilter(key: "a!b", predicate: .equal, value: "c"))
        #expect(throws: OutputError.filterWithoutPredicate(filter: "state")) { try ListFilter.parse("state") }
        #expect(throws: OutputError.filterWithoutPredicate(filter: "state!")) { try ListFilter.parse("state!") }
        #expect(throws: OutputError.filterEmptyKeyOrValue(filter: "=x", key: "", value: "x")) { try ListFilter.parse("=x") }
        #expect(throws: OutputError.filterEmptyKeyOrValue(filter: "state!=", key: "state", value: "")) { try ListFilter.parse("state!=") }
        #expect(OutputError.filterWithoutPredicate(filter: "state").description
                == "The format of a given filter state is invalid: Cannot find the predicate. Please provide key=val or key!=val format string.")
        #expect(OutputError.filterWithoutPredicate(filter: "state").exitCode == 1)
    }

    @Test func filterValidationErrors() {
        #expect(throws: OutputError.invalidFilterKey(key: "bogus", resource: "nodes", available: ListSchema.nodes.allColumns)) {
            try ListRequest(resource: .nodes, filters: ["bogus=1"])
        }
        #expect(OutputError.invalidFilterKey(key: "bogus", resource: "placement_groups", available: ["a", "b"]).description
                == "Invalid value: Invalid filter key 'bogus' for resource 'placement_groups'. Available filter keys are: a, b")
        #expect(throws: OutputError.unsupportedFilterColumn(column: "resources_total", supported: ListSchema.nodes.filterableColumns)) {
            try ListRequest(resource: .nodes, filters: ["RESOURCES_TOTAL=x"])
        }
        #expect(OutputError.unsupportedFilterColumn(column: "labels", supported: ["node_id", "state"]).description
                == "The given filter column labels is not supported. Enter filters with –-filter key=value or –-filter key!=value Supported filter columns: {'node_id', 'state'}")
        #expect(throws: OutputError.filterValueConversion(value: "maybe", type: "bool")) {
            try ListRequest(resource: .nodes, filters: ["is_head_node=maybe"])
        }
        #expect(throws: OutputError.filterValueConversion(value: "abc", type: "int")) {
            try ListRequest(resource: .actors, filters: ["pid=abc"])
        }
        #expect(OutputError.filterValueConversion(value: "abc", type: "int").description
                == "Failed to convert a value abc of type <class 'str'> to <class 'int'>")
        #expect(OutputError.filterValueConversion(value: "abc", type: "int").exitCode == 2)
    }

    @Test func filtersMatchLikeRay() throws {
        let nodes = [Self.referenceNode(), Self.deadNode()]
        func ids(_ filters: [String]) throws -> [String] {
            let r = try ListRequest(resource: .nodes, filters: filters, format: .json)
            let out = Self.list(r, nodes: nodes)
            return nodes.map(\.nodeID.hex).filter { out.stdout.contains($0) }
        }
        let head = Self.nid, dead = RenderFixture.nodeID(7).hex
        #expect(try ids(["state=alive"]) == [head])
        #expect(try ids(["STATE=Dead"]) == [dead])
        #expect(try ids(["state!=ALIVE"]) == [dead])
        #expect(try ids(["is_head_node=true"]) == [head])
        #expect(try ids(["is_head_node=0"]) == [dead])
        #expect(try ids(["is_head_node!=False"]) == [head])
        #expect(try ids(["node_ip=192.0.2.3", "state=dead"]) == [dead])
        #expect(try ids(["node_ip=192.0.2.3", "state=alive"]) == [])
        #expect(try ids(["node_id=\(head.uppercased())"]) == [head])
        // A null field never equals and always differs (state_message is null while alive),
        // checked on the raw filter since state_message is not filterable.
        let f = ListFilter(key: "state_message", predicate: .notEqual, value: "x")
        #expect(f.matches(ListRows.node(Self.referenceNode(), timeZone: Self.utc)))
        #expect(!ListFilter(key: "state_message", predicate: .equal, value: "x").matches(ListRows.node(Self.referenceNode(), timeZone: Self.utc)))
    }

    @Test func intFilterOnActors() throws {
        let rows: [StateRow] = [["actor_id": "a1", "pid": 8795, "state": "ALIVE"], ["actor_id": "a2", "pid": 17, "state": "DEAD"]]
        let r = try ListRequest(resource: .actors, filters: ["pid=8_795"], format: .json)
        let out = ListRenderer.render(r, rows: rows, nowMicros: 0, timeZone: Self.utc)
        #expect(out.shown == 1 && out.stdout.contains("\"a1\"") && !out.stdout.contains("\"a2\""))
    }

    // MARK: - json / yaml

    @Test func jsonCarriesAllColumnsWithDetailOnesNull() throws {
        let out = Self.list(try ListRequest(resource: .nodes, format: .json), nodes: [Self.deadNode()])
        let id = RenderFixture.nodeID(7).hex
        #expect(out.stdout == #"[{"node_id": "\#(id)", "node_ip": "192.0.2.3", "is_head_node": false, "state": "DEAD", "state_message": "Expected termination: received SIGTERM", "node_name": "192.0.2.3", "resources_total": {"CPU": 1.0}, "labels": {"ray.io/node-id": "\#(id)"}, "start_time_ms": null, "end_time_ms": null}]"# + "\n")
        let detail = Self.list(try ListRequest(resource: .nodes, detail: true, format: .json), nodes: [Self.deadNode()])
        #expect(detail.stdout.hasSuffix(#""start_time_ms": "2026-11-21 16:48:05", "end_time_ms": "2026-11-21 16:48:20.500000"}]"# + "\n"))
    }

    @Test func detailDefaultsToYAML() throws {
        let out = Self.list(try ListRequest(resource: .nodes, detail: true), nodes: [Self.referenceNode()])
        #expect(out.stdout == """
            ---
            -   node_id: \(Self.nid)
                node_ip: 192.0.2.2
                is_head_node: true
                state: ALIVE
                state_message: null
                node_name: 192.0.2.2
                resources_total:
                    CPU: 2.0
                    GPU: 2.0
                    memory: 16.173 GiB
                    node:192.0.2.2: 1.0
                    node:__internal_head__: 1.0
                    object_store_memory: 6.931 GiB
                labels:
                    ray.io/node-id: \(Self.nid)
                start_time_ms: '2026-11-21 16:48:05.836000'
                end_time_ms: '1970-01-01 00:00:00'
            ...


            """)
    }

    @Test func jobsYAMLDetailUsesPydanticOrderAndPlainDriverType() throws {
        var j = Self.job(1, status: .failed)
        j.message = "Traceback (most recent call last): boom"
        j.errorType = "TASK_EXECUTION_EXCEPTION"
        j.endTimeMs = 1_795_279_700_000
        j.driverExitCode = 1
        j.driverNodeID = RenderFixture.nodeID(Self.nid)
        let out = ListRenderer.render(try ListRequest(resource: .jobs, detail: true), jobs: [j], nowMicros: Self.now, timeZone: Self.utc)
        #expect(out.stdout == """
            ---
            -   type: DRIVER
                job_id: '01000000'
                submission_id: null
                driver_info:
                    id: '01000000'
                    node_ip_address: 192.0.2.2
                    pid: '4242'
                status: FAILED
                entrypoint: swiftray run demo.py
                message: 'Traceback (most recent call last): boom'
                error_type: TASK_EXECUTION_EXCEPTION
                start_time: 1795279685000
                end_time: 1795279700000
                metadata: {}
                runtime_env: {}
                driver_agent_http_address: null
                driver_node_id: \(Self.nid)
                driver_exit_code: 1
            ...


            """)
    }

    @Test func detailTableShowsAllColumns() throws {
        let out = Self.list(try ListRequest(resource: .nodes, detail: true, format: .table), nodes: [Self.deadNode()])
        #expect(out.stdout.contains("START_TIME_MS        END_TIME_MS"))
        #expect(out.stdout.contains("2026-11-21 16:48:05  2026-11-21 16:48:20.500000"))
    }

    // MARK: - names

    @Test func resourceAndFormatNames() throws {
        #expect(try ListResource(cliName: "placement-groups") == .placementGroups)
        #expect(ListResource.placementGroups.apiName == "placement_groups")
        #expect(throws: OutputError.self) { try ListResource(cliName: "foo") }
        #expect(OutputError.unknownResource(name: "foo", choices: ListResource.allCases.map(\.cliName)).description
                == "Invalid value for '{actors|jobs|placement-groups|nodes|workers|tasks|objects|runtime-envs|cluster-events}': 'foo' is not one of 'actors', 'jobs', 'placement-groups', 'nodes', 'workers', 'tasks', 'objects', 'runtime-envs', 'cluster-events'.")
        #expect(throws: OutputError.unsupportedResource(name: "runtime-envs")) { try ListRequest(resource: .runtimeEnvs) }
        #expect(try ListFormat(cliName: "json") == .json)
        #expect(throws: OutputError.unknownFormat(name: "xml", choices: ["default", "json", "yaml", "table"])) {
            try ListFormat(cliName: "xml")
        }
        #expect(ListFormat.default.effective(detail: true) == .yaml)
        #expect(ListFormat.table.effective(detail: true) == .table)
    }
}
