import ClusterState
import Foundation
@testable import raycli

/// Shared helpers for the output-layer tests: fixtures live in `Tests/Fixtures/render-*`.
enum RenderFixture {
    /// The text of `Tests/Fixtures/<name>` (found next to this file, symlinks resolved).
    static func text(_ name: String, filePath: String = #filePath) -> String {
        let here = URL(fileURLWithPath: filePath).resolvingSymlinksInPath()
        let url = here.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        return (try? String(contentsOf: url, encoding: .utf8)) ?? "<missing fixture \(url.path)>"
    }

    static let utc = TimeZone(identifier: "UTC")!

    static func nodeID(_ hex: String) -> NodeID { try! NodeID(hex: hex) }

    /// A deterministic 56-hex node id from a small number.
    static func nodeID(_ n: Int) -> NodeID {
        NodeID(uncheckedBytes: (0..<28).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ n &* 31) })
    }

    static func resources(_ d: [String: Double]) -> ResourceSet { ResourceSet(doubles: d) }

    /// 2026-11-21 16:46:51.638383 UTC in microseconds.
    static let listNow: Int64 = 1_795_279_611_638_383
}
