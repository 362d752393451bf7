import ClusterState
import Scheduling
import Testing

@Suite("LocalityPolicy")
struct NodeLocalityPolicyTests {
    private let a = nodeID(10), b = nodeID(11), c = nodeID(12)

    @Test("no locality data: nil")
    func none() {
        #expect(LocalityPolicy.bestNode(for: []) == nil)
        #expect(LocalityPolicy.bestNode(for: [(sizeBytes: 100, nodes: [])]) == nil)
        #expect(LocalityPolicy.bestNode(for: [(sizeBytes: 0, nodes: [a, b])]) == nil)
    }

    @Test("one argument: its first holder")
    func single() {
        #expect(LocalityPolicy.bestNode(for: [(sizeBytes: 5, nodes: [b, a])]) == b)
    }

    @Test("bytes are summed per node across arguments")
    func sums() {
        #expect(LocalityPolicy.bestNode(for: [(sizeBytes: 100, nodes: [a]), (sizeBytes: 60, nodes: [b]),
                                              (sizeBytes: 60, nodes: [b, c])]) == b)
        #expect(LocalityPolicy.bestNode(for: [(sizeBytes: 100, nodes: [a, c]), (sizeBytes: 1, nodes: [c])]) == c)
    }

    @Test("ties keep the node that reached the maximum first")
    func ties() {
        #expect(LocalityPolicy.bestNode(for: [(sizeBytes: 100, nodes: [a]), (sizeBytes: 100, nodes: [b])]) == a)
        #expect(LocalityPolicy.bestNode(for: [(sizeBytes: 50, nodes: [b]), (sizeBytes: 50, nodes: [a]),
                                              (sizeBytes: 50, nodes: [a, b])]) == a)
        #expect(LocalityPolicy.bestNode(for: [(sizeBytes: 5, nodes: [a]), (sizeBytes: 10, nodes: [b]),
                                              (sizeBytes: 5, nodes: [a])]) == b)
    }

    @Test("a node listed twice for one argument counts once")
    func duplicates() {
        #expect(LocalityPolicy.bestNode(for: [(sizeBytes: 100, nodes: [a, a]), (sizeBytes: 150, nodes: [b])]) == b)
    }
}
