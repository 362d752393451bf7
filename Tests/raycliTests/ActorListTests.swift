import ClusterState
import Foundation
import Testing
@testable import raycli

/// `ray list actors`, `ray get actors <id>` and `ray summary actors` from `ActorInfo` records.
///
/// Where the expected texts come from: `render-actors-detail.yaml` is the seed's block. The
/// other `render-actors-*` fixtures hold the state dicts Ray's state API builds for these five
/// actors (`protobuf_message_to_dict` of `ActorTableData`, ids in hex, in the seed's sorted
/// field order: `node_id`/`placement_group_id` `None` when unset, `pid` 0 until the actor runs,
/// `death_cause` `None` or `{actor_died_error_context: {…}}` with sorted keys, detail-only
/// fields `None` without `--detail`) written out by hand in Python and printed the way
/// `state_cli.py` prints them, with CPython, PyYAML 6.0.3
/// (`yaml.dump(rows, indent=4, explicit_start=True, explicit_end=True, sort_keys=False)`),
/// tabulate 0.8.10 (`showindex=True, tablefmt="plain", floatfmt=".3f"`, dict cells as
/// `yaml.dump(v, indent=2)`; summaries `numalign="left"`) and `json.dumps`, in UTC, at
/// `RenderFixture.listNow`.
struct ActorListTests {
    static let utc = RenderFixture.utc
    static let now = RenderFixture.listNow
    static let namespace = "e5b19111-306c-4cd8-9e4f-4b13d42dff86"
    static let seedNode = RenderFixture.nodeID("b552ca3009081c9de857a31e529d248ba051a4d3aeece7135dde8427")
    static let otherNode = RenderFixture.nodeID(ListPipelineTests.nid)

    static func id(_ hex: String) -> ActorID { try! ActorID(hex: hex) }

    /// The seed's actor: alive, in a placement group.
    static func seedActor() -> ActorInfo {
        let group = try! PlacementGroupID(hex: "d2e660ac256db230dbe516127c4a01000000")
        return ActorInfo(actorID: id("b5c990f135a7b32bfbb05e1701000000"), className: "Actor", state: .alive,
                         jobID: JobID(counter: 1), nodeID: seedNode, pid: 8795, namespace: namespace,
                         placementGroupID: group,
                         requiredResources: ResourceSet(doubles: ["CPU_group_\(group.hex)": 1]))
    }

    /// Killed with `ray.kill` after running (job 2).
    static func killedActor() -> ActorInfo {
        ActorInfo(actorID: id("9a7c0bad1dea5c0de0000b0b02000000"), className: "Counter", state: .dead,
                  jobID: JobID(counter: 2), nodeID: otherNode, pid: 4244, namespace: namespace,
                  deathReason: .rayKill, deathMessage: "The actor was killed by `ray.kill`.",
                  ownerID: "02000000" + String(repeating: "ff", count: 24), ownerIPAddress: "192.0.2.2",
                  nodeIPAddress: "192.0.2.3", reprName: "Counter(3)")
    }

    /// Five actors in registration order (not id order): alive, pending, dead twice.
    static func actors() -> [ActorInfo] {
        [
            seedActor(),
            ActorInfo(actorID: id("c0ffee0000000000000000aa01000000"), className: "Sleeper", state: .pendingCreation,
                      jobID: JobID(counter: 1), name: "sleepy", namespace: namespace,
                      requiredResources: ResourceSet(doubles: ["GPU": 0.5, "CPU": 1]), isDetached: true),
            killedActor(),
            ActorInfo(actorID: id("a1b2c3d4f5a6b7c8d9fafbfc01000000"), className: "Counter", state: .alive,
                      jobID: JobID(counter: 1), nodeID: otherNode, pid: 4245, namespace: namespace,
                      requiredResources: ResourceSet(doubles: ["CPU": 1])),
            ActorInfo(actorID: id("d00dfacad00dfacad00dfaca01000000"), className: "Counter", state: .dead,
                      jobID: JobID(counter: 1), name: "never", namespace: namespace,
                      deathReason: .outOfScope, deathMessage: "", neverStarted: true),
        ]
    }

    static func list(_ request: ListRequest) -> ListOutput {
        ListRenderer.render(request, actors: actors(), nowMicros: now, timeZone: utc)
    }

    // MARK: - schema and rows

    @Test func schemaIsTheSeedsFourteenFields() {
        let s = ListSchema.actors
        #expect(ListResource.actors.schema == s)
        #expect(s.primaryKey == "actor_id")
        #expect(s.baseColumns == ["actor_id", "class_name", "state", "job_id", "name", "node_id", "pid", "ray_namespace"])
        #expect(s.allColumns.count == 14 && s.allColumns == s.allColumns.sorted())
        for actor in Self.actors() {
            #expect(Array(ListRows.actor(actor).keys) == s.allColumns)
        }
    }

    /// The seed's `--detail` block, built from an `ActorInfo`, byte for byte.
    @Test func seedDetailBlockFromActorInfo() throws {
        let fixture = RenderFixture.text("render-actors-detail.yaml")
        #expect(YAMLRenderer.listDocument([.dict(ListRows.actor(Self.seedActor()))]) == fixture)
        let out = ListRenderer.render(try ListRequest(resource: .actors, detail: true), actors: [Self.seedActor()],
                                      nowMicros: Self.now, timeZone: Self.utc)
        #expect(out.stdout == fixture + "\n")
    }

    @Test func deathCauseOnlyForDeadActors() {
        #expect(ListRows.actor(Self.seedActor())["death_cause"] == .null)
        let cause = ListRows.actor(Self.killedActor())["death_cause"]
        guard case .dict(let outer)? = cause, case .dict(let context)? = outer["actor_died_error_context"] else {
            Issue.record("death_cause is not a nested mapping: \(String(describing: cause))")
            return
        }
        #expect(Array(outer.keys) == ["actor_died_error_context"])
        #expect(Array(context.keys) == ["actor_id", "class_name", "error_message", "name", "never_started",
                                        "node_ip_address", "owner_id", "owner_ip_address", "pid", "ray_namespace", "reason"])
        #expect(context["owner_ip_address"] == "192.0.2.2" && context["node_ip_address"] == "192.0.2.3")
        #expect(context["reason"] == "RAY_KILL" && context["pid"] == 4244 && context["never_started"] == false)
    }

    // MARK: - formats

    @Test func defaultTableMatchesRay() throws {
        let out = Self.list(try ListRequest(resource: .actors))
        #expect(out.stdout == RenderFixture.text("render-actors-table.txt"))
        #expect(out.warnings.isEmpty && out.total == 5 && out.shown == 5)
        #expect(Self.list(try ListRequest(resource: .actors, format: .table)).stdout == out.stdout)
    }

    @Test func detailTableShowsNestedCells() throws {
        let out = Self.list(try ListRequest(resource: .actors, detail: true, format: .table))
        #expect(out.stdout == RenderFixture.text("render-actors-detail-table.txt"))
    }

    @Test func detailYAMLMatchesRay() throws {
        #expect(Self.list(try ListRequest(resource: .actors, detail: true)).stdout
                == RenderFixture.text("render-actors-list-detail.yaml"))
        #expect(Self.list(try ListRequest(resource: .actors, detail: true, format: .yaml)).stdout
                == RenderFixture.text("render-actors-list-detail.yaml"))
    }

    @Test func yamlWithoutDetailNullsDetailColumns() throws {
        #expect(Self.list(try ListRequest(resource: .actors, format: .yaml)).stdout
                == RenderFixture.text("render-actors-list.yaml"))
    }

    @Test func jsonMatchesRay() throws {
        #expect(Self.list(try ListRequest(resource: .actors, format: .json)).stdout
                == RenderFixture.text("render-actors-list.json"))
        #expect(Self.list(try ListRequest(resource: .actors, detail: true, format: .json)).stdout
                == RenderFixture.text("render-actors-list-detail.json"))
    }

    @Test func limitCutsAndWarns() throws {
        let out = Self.list(try ListRequest(resource: .actors, limit: 2))
        #expect(out.stdout == RenderFixture.text("render-actors-table-limit.txt"))
        #expect(out.warnings == [ListRenderer.limitWarning(shown: 2, total: 5)])
        #expect(out.total == 5 && out.shown == 2)
        // Structured formats cut without warning.
        #expect(Self.list(try ListRequest(resource: .actors, limit: 2, format: .json)).warnings.isEmpty)
    }

    // MARK: - filters

    @Test func filtersUseColumnKinds() throws {
        func ids(_ filters: [String]) throws -> [String] {
            let out = Self.list(try ListRequest(resource: .actors, filters: filters, format: .json))
            return Self.actors().map(\.actorID.hex).sorted().filter { out.stdout.contains(#""actor_id": "\#($0)""#) }
        }
        let alive = ["a1b2c3d4f5a6b7c8d9fafbfc01000000", "b5c990f135a7b32bfbb05e1701000000"]
        let dead = ["9a7c0bad1dea5c0de0000b0b02000000", "d00dfacad00dfacad00dfaca01000000"]
        #expect(try ids(["state=ALIVE"]) == alive)
        #expect(try ids(["state=dead"]) == dead)
        #expect(try ids(["state!=DEAD"]) == (alive + ["c0ffee0000000000000000aa01000000"]).sorted())
        #expect(try ids(["pid=0"]) == ["c0ffee0000000000000000aa01000000", "d00dfacad00dfacad00dfaca01000000"])
        #expect(try ids(["pid=8795"]) == ["b5c990f135a7b32bfbb05e1701000000"])
        #expect(try ids(["class_name=Counter", "state=ALIVE"]) == ["a1b2c3d4f5a6b7c8d9fafbfc01000000"])
        #expect(try ids(["name=sleepy"]) == ["c0ffee0000000000000000aa01000000"])
        #expect(try ids(["job_id=02000000"]) == ["9a7c0bad1dea5c0de0000b0b02000000"])
        #expect(try ids(["node_id=\(Self.otherNode.hex)"]) == ["9a7c0bad1dea5c0de0000b0b02000000",
                                                                "a1b2c3d4f5a6b7c8d9fafbfc01000000"])
        #expect(try ids(["placement_group_id=d2e660ac256db230dbe516127c4a01000000"])
                == ["b5c990f135a7b32bfbb05e1701000000"])
        #expect(try ids(["repr_name=Counter(3)"]) == ["9a7c0bad1dea5c0de0000b0b02000000"])
        #expect(throws: OutputError.filterValueConversion(value: "x", type: "int")) {
            try ListRequest(resource: .actors, filters: ["pid=x"])
        }
        #expect(throws: OutputError.unsupportedFilterColumn(column: "required_resources",
                                                            supported: ListSchema.actors.filterableColumns)) {
            try ListRequest(resource: .actors, filters: ["required_resources=x"])
        }
    }

    @Test func emptyResult() throws {
        let out = ListRenderer.render(try ListRequest(resource: .actors), actors: [], nowMicros: Self.now, timeZone: Self.utc)
        #expect(out.stdout == "No resource in the cluster\n" && out.total == 0)
        let none = Self.list(try ListRequest(resource: .actors, filters: ["name=nobody"], format: .yaml))
        #expect(none.stdout == "No resource in the cluster\n")
    }

    // MARK: - get

    /// `get actors <id>` prints `YAMLRenderer.listDocument` of the full row (then a newline).
    @Test func getPrintsTheFullRow() {
        #expect(YAMLRenderer.listDocument([.dict(ListRows.actor(Self.killedActor()))]) + "\n"
                == RenderFixture.text("render-actors-get-dead.yaml"))
    }

    // MARK: - summary

    @Test func summaryFromActorInfoMatchesRay() {
        let out = SummaryRenderer.actors(Self.actors().map(ActorSummaryEntry.init), nowMicros: Self.now, timeZone: Self.utc)
        #expect(out.stdout == RenderFixture.text("render-actors-summary.txt"))
        #expect(out.warnings.isEmpty)
        #expect(ActorSummaryEntry(Self.seedActor())
                == ActorSummaryEntry(actorID: "b5c990f135a7b32bfbb05e1701000000", className: "Actor", state: "ALIVE"))
    }
}
