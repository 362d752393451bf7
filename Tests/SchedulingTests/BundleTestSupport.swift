import ClusterState
import Scheduling

/// Shared builders for the bundle scheduling tests.
func nodeID(_ n: UInt8) -> NodeID { NodeID(uncheckedBytes: [UInt8](repeating: n, count: NodeID.size)) }

func resources(_ d: [String: Double]) -> ResourceSet { ResourceSet(doubles: d) }

/// Bundles indexed by their position.
func bundleList(_ list: [[String: Double]]) -> [BundleRequest] {
    list.enumerated().map { BundleRequest(index: $0.offset, resources: resources($0.element)) }
}

/// A candidate node; `available` defaults to the total (an idle node).
func candidate(_ n: UInt8, _ total: [String: Double], available: [String: Double]? = nil,
               gpus: [Double]? = nil) -> BundleCandidate {
    BundleCandidate(nodeID: nodeID(n), total: resources(total), available: resources(available ?? total),
                    availableInstances: gpus.map { ["GPU": $0.map { ResourceQuantity($0) }] })
}

/// The reference's observed cluster: a {2 CPU, 2 GPU} head and a {1 CPU, foo} worker.
let head = nodeID(1)
let worker = nodeID(2)
func referenceCluster(headAvailable: [String: Double]? = nil) -> [BundleCandidate] {
    [candidate(1, ["CPU": 2, "GPU": 2], available: headAvailable), candidate(2, ["CPU": 1, "foo": 1])]
}

/// The placement's kind, for parameterized expectations.
enum PlacementKind: String, Sendable {
    case placed, retryLater, infeasible
}

extension BundlePlacement {
    var kind: PlacementKind {
        switch self {
        case .placed: .placed
        case .retryLater: .retryLater
        case .infeasible: .infeasible
        }
    }
}
