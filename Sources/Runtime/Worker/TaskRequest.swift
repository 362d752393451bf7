import ClusterState
import Foundation

/// A task as the driver language asks for it, before the core worker gives it ids: the
/// function, its arguments (values; top-level ObjectRefs are resolved before dispatch) and
/// its validated options. Built by the CLI's bridge.
public struct TaskRequest: Sendable {
    public var name: String
    /// The source that defines the function on a worker (exported to the GCS KV once).
    public var definitionSource: String
    public var args: [Swiftray_Value]
    public var kwargNames: [String]
    public var kwargs: [Swiftray_Value]
    /// The resource request, already placement-group formatted when scheduled into a group.
    public var resources: ResourceSet
    public var strategy: Swiftray_TaskStrategyData
    public var numReturns: Int
    public var maxRetries: Int
    public var retryExceptions: Bool
    public var placementGroupID: PlacementGroupID?

    public init(name: String, definitionSource: String, args: [Swiftray_Value], kwargNames: [String], kwargs: [Swiftray_Value],
                resources: ResourceSet, strategy: Swiftray_TaskStrategyData, numReturns: Int, maxRetries: Int,
                retryExceptions: Bool, placementGroupID: PlacementGroupID?) {
        self.name = name
        self.definitionSource = definitionSource
        self.args = args
        self.kwargNames = kwargNames
        self.kwargs = kwargs
        self.resources = resources
        self.strategy = strategy
        self.numReturns = numReturns
        self.maxRetries = maxRetries
        self.retryExceptions = retryExceptions
        self.placementGroupID = placementGroupID
    }
}
