import ClusterState

/// The owner's locality choice for a task (Ray's locality-aware lease policy): the node already
/// holding the most bytes of the task's arguments. Stateless and pure; the owner calls it with
/// what its object directory knows.
///
/// Guarantees: each argument adds its size to every node listed as holding a copy (a node listed
/// twice for one argument counts once). Arguments are summed in order, and a node becomes the
/// answer only when its running sum strictly exceeds the best so far, so the first node to reach
/// a new maximum wins and ties keep the earlier node. Nil when there is no locality data (no
/// argument lists a node, or every listed argument has size 0).
public enum LocalityPolicy {
    public static func bestNode(for arguments: [(sizeBytes: Int, nodes: [NodeID])]) -> NodeID? {
        var bytes: [NodeID: Int] = [:]
        var best: NodeID?
        var bestBytes = 0
        for argument in arguments {
            var seen = Set<NodeID>()
            for node in argument.nodes where seen.insert(node).inserted {
                let sum = bytes[node, default: 0] + argument.sizeBytes
                bytes[node] = sum
                if sum > bestBytes {
                    bestBytes = sum
                    best = node
                }
            }
        }
        return best
    }
}
