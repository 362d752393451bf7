import Testing
@testable import raycli

/// Golden tests for `TableRenderer` (tabulate `plain`, `showindex=True`, `floatfmt=".3f"`).
/// Expected texts were produced with Python tabulate 0.8.10 + PyYAML 6, except where a test says
/// it checks the swiftray deviation for id-like strings.
struct TableRendererTests {
    let pgHeaders = ["PLACEMENT_GROUP_ID", "NAME", "CREATOR_JOB_ID", "STATE"]

    @Test func referencePlacementGroupTable() {
        let table = TableRenderer.render(headers: pgHeaders, rows: [
            ["2ed189a49d230e426ec30a55826e01000000", "", "01000000", "PENDING"],
            ["94f9a0639aaf035354dc7bb983c301000000", "", "01000000", "CREATED"],
        ])
        #expect(table == """
                PLACEMENT_GROUP_ID                    NAME      CREATOR_JOB_ID  STATE
             0  2ed189a49d230e426ec30a55826e01000000                  01000000  PENDING
             1  94f9a0639aaf035354dc7bb983c301000000                  01000000  CREATED
            """)
    }

    /// The seed prints its data row as `0  3cd6…` under a header with four leading spaces; real
    /// tabulate right-aligns the index in a column of width 2 (header "" + 2), so the row starts
    /// with ` 0`. We follow tabulate (the header line is the seed's, byte for byte).
    @Test func seedPlacementGroupTableFollowsTabulateIndexColumn() {
        let table = TableRenderer.render(headers: pgHeaders, rows: [
            ["3cd6174711f47c14132155039c0501000000", "", "01000000", "CREATED"],
        ])
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "    PLACEMENT_GROUP_ID                    NAME      CREATOR_JOB_ID  STATE")
        #expect(lines[1] == " 0  3cd6174711f47c14132155039c0501000000                  01000000  CREATED")
        #expect(lines.count == 2)
    }

    @Test func referenceNodesTableWithMultiLineCells() {
        let nid = "85618207d51606c551694424b95454d42d3c37f06d0548b35ae02ba4"
        let row: [StateValue] = [
            .string(nid), "192.0.2.2", true, "ALIVE", nil, "192.0.2.2",
            ["CPU": 2.0, "GPU": 2.0, "memory": "16.173 GiB", "node:192.0.2.2": 1.0,
             "node:__internal_head__": 1.0, "object_store_memory": "6.931 GiB"],
            ["ray.io/node-id": .string(nid)],
        ]
        let headers = ["NODE_ID", "NODE_IP", "IS_HEAD_NODE", "STATE", "STATE_MESSAGE", "NODE_NAME",
                       "RESOURCES_TOTAL", "LABELS"]
        let table = TableRenderer.render(headers: headers, rows: [row])
        #expect(table + "\n" == RenderFixture.text("render-nodes-table.txt"))
    }

    @Test func dictCellsAreSortedYAMLBlocks() {
        // Keys given out of order; the cell lists them sorted (yaml.dump sort_keys=True).
        let table = TableRenderer.render(headers: ["D", "X"], rows: [[["b": 1, "a": ["z": nil]], "x"]])
        #expect(table == """
                D          X
             0  a:         x
                  z: null
                b: 1
            """)
    }

    /// swiftray deviation (DESIGN §8): `0e000000` parses as a float in Python, which tabulate
    /// would print as `0.000` (and `01000000` as `1000000.000` next to it). swiftray keeps the
    /// text and still right-aligns the all-numeric column.
    @Test func idLikeStringsAreNeverReformatted() {
        let table = TableRenderer.render(headers: ["JOB_ID", "NAME"], rows: [["0e000000", "a"], ["01000000", "b"]])
        #expect(table == """
                  JOB_ID  NAME
             0  0e000000  a
             1  01000000  b
            """)
        let wide = TableRenderer.render(headers: ["CREATOR_JOB_ID"], rows: [["1e5"]])
        #expect(wide == "      CREATOR_JOB_ID\n 0" + String(repeating: " ", count: 15) + "1e5")
    }

    @Test func floatColumnsUseThreeDecimalsAndLineUp() {
        let table = TableRenderer.render(headers: ["A", "B", "C"], rows: [[1.5, 2, nil], [0.25, 10, nil]])
        #expect(table == "        A    B  C\n 0  1.500    2\n 1  0.250   10")
        let mixed = TableRenderer.render(headers: ["X", "FLAG"], rows: [[1, true], [2.5, false]])
        #expect(mixed == "        X  FLAG\n 0  1.000  True\n 1  2.500  False")
        let nan = TableRenderer.render(headers: ["N", "F"], rows: [[.double(.nan), 1.0]])
        #expect(nan == "      N      F\n 0  nan  1.000")
    }

    @Test func textColumnsAreStrippedAndCountCodePoints() {
        let table = TableRenderer.render(headers: ["S", "U"], rows: [[" x ", "héllo"], ["yy", "日本"]])
        #expect(table == "    S    U\n 0  x    héllo\n 1  yy   日本")
    }

    @Test func listCellsUsePythonRepr() {
        let table = TableRenderer.render(headers: ["L"], rows: [[["a", 1, 0.5, nil, true]]])
        #expect(table == "    L\n 0  ['a', 1, 0.5, None, True]")
    }

    @Test func indexColumnGrowsWithRowCount() {
        let table = TableRenderer.render(headers: ["N"], rows: (0..<11).map { [.int(Int64($0))] })
        #expect(table == "      N\n 0    0\n 1    1\n 2    2\n 3    3\n 4    4\n 5    5\n 6    6\n 7    7\n 8    8\n 9    9\n10   10")
    }

    @Test func emptyRowsPrintOnlyTheHeaders() {
        #expect(TableRenderer.render(headers: ["A", "BB"], rows: []) == "A    BB")
        #expect(TableRenderer.render(headers: [], rows: []) == "")
    }

    @Test func headerWiderThanCells() {
        #expect(TableRenderer.render(headers: ["A_VERY_LONG_HEADER"], rows: [["short"]])
                == "    A_VERY_LONG_HEADER\n 0  short")
    }

    @Test func nullCellsAreEmptyAndAllNullColumnsAreLeftAligned() {
        #expect(TableRenderer.render(headers: ["I", "S"], rows: [[1, "x"], [nil, "y"]])
                == "      I  S\n 0    1  x\n 1       y")
        #expect(TableRenderer.render(headers: ["N", "Z"], rows: [[nil, "z"]]) == "    N    Z\n 0       z")
    }

    @Test func boolTextsAreBoolsUnlessMixedWithNumbers() {
        #expect(TableRenderer.render(headers: ["B"], rows: [["True"], ["False"]]) == "    B\n 0  True\n 1  False")
        #expect(TableRenderer.render(headers: ["B"], rows: [["True"], ["1"]]) == "       B\n 0  True\n 1     1")
    }

    @Test func withoutIndex() {
        #expect(TableRenderer.render(headers: ["A", "B"], rows: [["x", 1]], showIndex: false) == "A      B\nx      1")
    }
}
