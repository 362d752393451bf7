import ClusterState
import Foundation
import Testing
@testable import raycli

/// `ray summary tasks|actors|objects`.
///
/// Where the expected texts come from: the summaries were computed in Python the way Ray's
/// `TaskSummaries.to_summary_by_func_name`, `ActorSummaries.to_summary` and
/// `ObjectSummaries.to_summary` (`python/ray/util/state/common.py`) compute them, over the same
/// records sorted by id as `state_aggregator.summarize_*` hands them over, and printed the way
/// `state_cli.format_summary_output` / `format_object_summary_output` print them, with
/// PyYAML 6.0.3 and tabulate 0.8.10 (`tablefmt="plain"` resp. default `simple`,
/// `numalign="left"`, `showindex=True`). The layout agrees with reference §4.7's live output
/// (36 dashes, sorted stats, left-aligned index, multi-line `STATE_COUNTS` cells).
struct SummaryRendererTests {
    static let utc = RenderFixture.utc
    static let now = RenderFixture.listNow
    static let stamp = "2026-11-21 16:46:51.638383"

    @Test func tasksSummaryMatchesRay() {
        let out = SummaryRenderer.tasks(TaskListTests.tasks(), nowMicros: Self.now, timeZone: Self.utc)
        #expect(out.warnings.isEmpty)
        #expect(out.stdout == """

            ======== Tasks Summary: \(Self.stamp) ========
            Stats:
            ------------------------------------
            total_actor_scheduled: 1
            total_actor_tasks: 1
            total_tasks: 4


            Table (group by func_name):
            ------------------------------------
                FUNC_OR_CLASS_NAME    STATE_COUNTS                TYPE
            0   sleeper               PENDING_NODE_ASSIGNMENT: 1  NORMAL_TASK
                                      RUNNING: 1
            1   f                     FAILED: 1                   NORMAL_TASK
                                      FINISHED: 1
            2   Counter.incr          RUNNING: 1                  ACTOR_TASK
            3   Counter.__init__      FINISHED: 1                 ACTOR_CREATION_TASK


            """)
    }

    @Test func tasksGroupByNameThenFunction() {
        var tasks = TaskListTests.tasks().filter { $0.type == .normalTask }
        tasks[0].name = "custom"  // f attempt 1, named through .options(name=)
        tasks[1].name = ""        // sleeper1: an empty name falls back to the function name
        let out = SummaryRenderer.tasks(tasks, nowMicros: Self.now, timeZone: Self.utc).stdout
        #expect(out.contains("""
                FUNC_OR_CLASS_NAME    STATE_COUNTS                TYPE
            0   sleeper               PENDING_NODE_ASSIGNMENT: 1  NORMAL_TASK
                                      RUNNING: 1
            1   f                     FAILED: 1                   NORMAL_TASK
            2   custom                FINISHED: 1                 NORMAL_TASK

            """))
        #expect(out.contains("total_actor_scheduled: 0\ntotal_actor_tasks: 0\ntotal_tasks: 4\n"))
    }

    /// Ray's summary reply always carries its `cluster` entry, so an empty cluster prints the
    /// zero stats and an empty table (tabulate of nothing is the empty text), not
    /// `No resource in the cluster`.
    @Test func emptyTasksSummaryPrintsZeroStats() {
        let expected = """

            ======== Tasks Summary: \(Self.stamp) ========
            Stats:
            ------------------------------------
            total_actor_scheduled: 0
            total_actor_tasks: 0
            total_tasks: 0


            Table (group by func_name):
            ------------------------------------



            """
        #expect(SummaryRenderer.tasks([], nowMicros: Self.now, timeZone: Self.utc).stdout == expected)
        // Only the driver's pseudo task: still nothing to summarise.
        let driverOnly = TaskListTests.tasks().filter { $0.type == .driverTask }
        #expect(SummaryRenderer.tasks(driverOnly, nowMicros: Self.now, timeZone: Self.utc).stdout == expected)
    }

    @Test func actorsSummaryMatchesRay() {
        let actors = [
            ActorSummaryEntry(actorID: "e9a697abfdb43e46360ae88201000000", className: "Counter", state: "ALIVE"),
            ActorSummaryEntry(actorID: "12a4b6c8d0e2f4a6b8c0d2e401000000", className: "Counter", state: "DEAD"),
            ActorSummaryEntry(actorID: "abcdefabcdefabcdefabcdef01000000", className: "Sleeper", state: "PENDING_CREATION"),
            ActorSummaryEntry(actorID: "0a0a0a0a0a0a0a0a0a0a0a0a01000000", className: "Counter", state: "ALIVE"),
        ]
        let out = SummaryRenderer.actors(actors, nowMicros: Self.now, timeZone: Self.utc)
        #expect(out.stdout == """

            ======== Actors Summary: \(Self.stamp) ========
            Stats:
            ------------------------------------
            total_actors: 4


            Table (group by class):
            ------------------------------------
                CLASS_NAME    STATE_COUNTS
            0   Counter       ALIVE: 2
                              DEAD: 1
            1   Sleeper       PENDING_CREATION: 1


            """)
        #expect(SummaryRenderer.actors([], nowMicros: Self.now, timeZone: Self.utc).stdout
                .hasSuffix("total_actors: 0\n\n\nTable (group by class):\n------------------------------------\n\n\n"))
    }

    @Test func objectsSummaryMatchesRay() {
        let out = SummaryRenderer.objects(ObjectListTests.objects(), nowMicros: Self.now, timeZone: Self.utc)
        #expect(out.warnings == [ObjectListTests.callsiteWarning])
        #expect(out.stdout == """

            ======== Object Summary: \(Self.stamp) ========
            Stats:
            ------------------------------------
            callsite_enabled: false
            total_objects: 4
            total_size_mb: 1.9073772430419922


            Table (group by callsite)
            ------------------------------------
            disabled
                REF_TYPE_COUNTS      TASK_ATTEMPT_NUMBER_COUNTS    TASK_STATE_COUNTS    TOTAL_NUM_NODES    TOTAL_NUM_WORKERS    TOTAL_OBJECTS    TOTAL_SIZE_MB
            --  -------------------  ----------------------------  -------------------  -----------------  -------------------  ---------------  ---------------
            0   ACTOR_HANDLE: 1      '1': 2                        FINISHED: 2          2                  2                    4                1.90738
                LOCAL_REFERENCE: 2   '2': 2                        NIL: 2
                PINNED_IN_MEMORY: 1


            """)
    }

    @Test func objectsSummaryOneTablePerCallSite() {
        let sites = [ObjectListTests.putID: "demo.py:7:<module>|put", ObjectListTests.returnID: "demo.py:9:<module>|f.remote",
                     ObjectListTests.handleID: "demo.py:7:<module>|put"]
        let objects = ObjectListTests.objects().map { o -> ObjectInfo in
            var o = o
            o.callSite = sites[o.objectID]!
            return o
        }
        let out = SummaryRenderer.objects(objects, callsiteRecorded: true, nowMicros: Self.now, timeZone: Self.utc)
        #expect(out.warnings.isEmpty)
        #expect(out.stdout == """

            ======== Object Summary: \(Self.stamp) ========
            Stats:
            ------------------------------------
            callsite_enabled: true
            total_objects: 4
            total_size_mb: 1.9073772430419922


            Table (group by callsite)
            ------------------------------------
            demo.py:7:<module>
            |put
                REF_TYPE_COUNTS     TASK_ATTEMPT_NUMBER_COUNTS    TASK_STATE_COUNTS    TOTAL_NUM_NODES    TOTAL_NUM_WORKERS    TOTAL_OBJECTS    TOTAL_SIZE_MB
            --  ------------------  ----------------------------  -------------------  -----------------  -------------------  ---------------  ---------------
            0   ACTOR_HANDLE: 1     '1': 2                        NIL: 2               1                  1                    2                1.90735
                LOCAL_REFERENCE: 1



            demo.py:9:<module>
            |f.remote
                REF_TYPE_COUNTS      TASK_ATTEMPT_NUMBER_COUNTS    TASK_STATE_COUNTS    TOTAL_NUM_NODES    TOTAL_NUM_WORKERS    TOTAL_OBJECTS    TOTAL_SIZE_MB
            --  -------------------  ----------------------------  -------------------  -----------------  -------------------  ---------------  ---------------
            0   LOCAL_REFERENCE: 1   '2': 2                        FINISHED: 2          2                  2                    2                2.86102e-05
                PINNED_IN_MEMORY: 1


            """)
    }

    @Test func emptyObjectsSummaryKeepsIntegerSize() {
        // Ray's `total_size_mb` starts as the integer 0 and only becomes a float once a size
        // is added; unknown sizes (−1) add nothing.
        let out = SummaryRenderer.objects([], nowMicros: Self.now, timeZone: Self.utc)
        #expect(out.stdout == """

            ======== Object Summary: \(Self.stamp) ========
            Stats:
            ------------------------------------
            callsite_enabled: true
            total_objects: 0
            total_size_mb: 0


            Table (group by callsite)
            ------------------------------------



            """)
        let unknown = ObjectListTests.objects().filter { $0.objectSize == -1 }
        let text = SummaryRenderer.objects(unknown, nowMicros: Self.now, timeZone: Self.utc).stdout
        #expect(text.contains("total_objects: 1\ntotal_size_mb: 0\n"))
        #expect(text.contains("0   ACTOR_HANDLE: 1    '1': 1                        NIL: 1               1                  1                    1                0\n"))
    }

    @Test func summaryKinds() {
        #expect(SummaryKind.allCases.map(\.cliName) == ["tasks", "actors", "objects"])
        #expect(SummaryKind.allCases.map(\.title) == ["Tasks Summary", "Actors Summary", "Object Summary"])
        #expect(SummaryKind.allCases.map(\.groupBy) == ["func_name", "class", "callsite"])
    }

    // MARK: - the table engine

    /// tabulate 0.8.10 with `numalign="left"`: numbers left-aligned and not re-formatted unless
    /// the column holds floats (then `format(x, "g")`), texts stripped, `None` empty.
    @Test func summaryTableAlignsNumbersLeft() {
        let plain = SummaryTableRenderer.render(
            headers: ["A", "B", "C", "D"],
            rows: [[1, 0.5, "  x ", nil], [123456789, 2, "01000000", true], [10, 1e-7, .null, false]])
        // Checked with tabulate(rows, headers, showindex=True, tablefmt="plain", numalign="left").
        #expect(plain == """
                A          B      C         D
            0   1          0.5    x
            1   123456789  2      01000000  True
            2   10         1e-07            False
            """)
        let simple = SummaryTableRenderer.render(headers: ["LONG_HEADER"], rows: [["a"]], style: .simple)
        #expect(simple == "    LONG_HEADER\n--  -------------\n0   a")
        #expect(SummaryTableRenderer.render(headers: [], rows: []) == "")
        #expect(SummaryTableRenderer.formatG(1.9073772430419922) == "1.90738")
        #expect(SummaryTableRenderer.formatG(1e16) == "1e+16" && SummaryTableRenderer.formatG(.nan) == "nan")
    }
}
