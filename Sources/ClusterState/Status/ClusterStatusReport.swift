/// Everything `swiftray status` prints, read from the GCS at the time of the call.
/// Built by the GCS, rendered by the CLI; pure data.
public struct ClusterStatusReport: Sendable, Hashable {
    /// When the GCS assembled the report, in microseconds since the Unix epoch.
    public var timeMicros: Int64
    /// Every node the GCS knows (alive and dead), in registration order.
    public var nodes: [NodeInfo]
    public var taskDemands: [ResourceDemand]
    public var placementGroupDemands: [PlacementGroupDemand]

    public init(timeMicros: Int64, nodes: [NodeInfo], taskDemands: [ResourceDemand] = [],
                placementGroupDemands: [PlacementGroupDemand] = []) {
        self.timeMicros = timeMicros
        self.nodes = nodes
        self.taskDemands = taskDemands
        self.placementGroupDemands = placementGroupDemands
    }

    public var aliveNodes: [NodeInfo] { nodes.filter { $0.state == .alive } }
    public var deadNodes: [NodeInfo] { nodes.filter { $0.state == .dead } }
}
