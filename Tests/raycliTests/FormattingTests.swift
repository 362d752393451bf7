import Foundation
import Testing
@testable import raycli

/// Memory, datetime, number-syntax and placement-group-name helpers (expected values from
/// CPython 3.11).
struct FormattingTests {
    @Test func statusMemory() {
        #expect(MemoryFormat.status(bytes: 0) == "0B")
        #expect(MemoryFormat.status(bytes: 512) == "512B")
        #expect(MemoryFormat.status(bytes: 1536) == "1.50KiB")
        #expect(MemoryFormat.status(bytes: 3_715_000_000) == "3.46GiB")
        #expect(MemoryFormat.status(bytes: 1_099_511_627_776) == "1.00TiB")
        #expect(MemoryFormat.status(bytes: 4_609_000_000) == "4.29GiB")
        #expect(MemoryFormat.status(bytes: 2_147_483_648) == "2.00GiB")
    }

    @Test func listMemory() {
        #expect(MemoryFormat.humanify(bytes: 17_366_000_000) == "16.173 GiB")
        #expect(MemoryFormat.humanify(bytes: 100_000_000) == "95.367 MiB")
        #expect(MemoryFormat.humanify(bytes: 1024) == "1.000 KiB")
        #expect(MemoryFormat.humanify(bytes: 512) == "512.000 B")
        #expect(MemoryFormat.humanify(bytes: -1) == "-1.000 B")
    }

    @Test func pythonDatetimeInUTC() {
        let utc = RenderFixture.utc
        #expect(PythonDateTime.string(micros: RenderFixture.listNow, timeZone: utc) == "2026-11-21 16:46:51.638383")
        #expect(PythonDateTime.string(micros: 0, timeZone: utc) == "1970-01-01 00:00:00")
        #expect(PythonDateTime.string(millis: 1_795_279_605_632, timeZone: utc) == "2026-11-21 16:46:45.632000")
        #expect(PythonDateTime.string(millis: 1_795_279_605_000, timeZone: utc) == "2026-11-21 16:46:45")
        #expect(PythonDateTime.string(micros: 1_680_830_105_682_519, timeZone: utc) == "2023-04-07 01:15:05.682519")
        #expect(PythonDateTime.string(micros: 951_782_400_000_000, timeZone: utc) == "2000-02-29 00:00:00")
    }

    @Test func pythonDatetimeInOtherZones() throws {
        let kolkata = try #require(TimeZone(identifier: "Asia/Kolkata"))
        #expect(PythonDateTime.string(micros: RenderFixture.listNow, timeZone: kolkata) == "2026-11-21 22:16:51.638383")
        #expect(PythonDateTime.string(micros: 0, timeZone: kolkata) == "1970-01-01 05:30:00")
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        #expect(PythonDateTime.string(micros: 1_783_000_000_000_000, timeZone: newYork) == "2026-07-02 09:46:40")
        #expect(PythonDateTime.string(micros: 1_795_279_611_000_000, timeZone: newYork) == "2026-11-21 11:46:51")
        #expect(PythonDateTime.string(micros: -1_500_000, timeZone: newYork) == "1969-12-31 18:59:58.500000")
        #expect(PythonDateTime.string(millis: 1_795_279_605_632, timeZone: newYork) == "2026-11-21 11:46:45.632000")
    }

    @Test func pythonNumberSyntax() {
        for s in ["0", "01000000", "-5", "+5", " 7 ", "1_000", "٣"] { #expect(PythonNumberSyntax.isInt(s), "\(s)") }
        for s in ["", "1_", "_1", "1__0", "0x10", "1.0", "1e5", "abc", "- 5"] { #expect(!PythonNumberSyntax.isInt(s), "\(s)") }
        for s in ["0e000000", "1.5", ".5", "5.", "1e5", "1E-5", "inf", "-Infinity", "NaN", " 2.5 ", "1_0.5"] {
            #expect(PythonNumberSyntax.isFloat(s), "\(s)")
        }
        for s in ["", ".", "e5", "1e", "1.2.3", "192.0.2.2", "infx", "1_.5", "0x1p3"] {
            #expect(!PythonNumberSyntax.isFloat(s), "\(s)")
        }
    }

    @Test func placementGroupResourceNames() {
        let wildcard = PlacementGroupResourceName.parse("CPU_group_d2e660ac256db230dbe516127c4a01000000")
        #expect(wildcard == PlacementGroupResourceName(base: "CPU", groupID: "d2e660ac256db230dbe516127c4a01000000", countable: true))
        let indexed = PlacementGroupResourceName.parse("GPU_group_0_d2e660ac256db230dbe516127c4a01000000")
        #expect(indexed == PlacementGroupResourceName(base: "GPU", groupID: "d2e660ac256db230dbe516127c4a01000000", countable: false))
        #expect(PlacementGroupResourceName.parse("CPU").groupID == nil)
        #expect(PlacementGroupResourceName.parse("_group_abc").groupID == nil)  // `(.+)` needs a character
        #expect(PlacementGroupResourceName.parse("my_group_").groupID == nil)
        // Greedy prefix: the last `_group_` wins.
        #expect(PlacementGroupResourceName.parse("a_group_b_group_c") == PlacementGroupResourceName(base: "a_group_b", groupID: "c", countable: true))
        #expect(PlacementGroupResourceName.parse("memory_group_1_2ed1").base == "memory")
    }
}
