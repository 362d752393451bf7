import ClusterState
import Foundation

/// An actor to create, as the driver language asked for it: the class, the constructor's
/// encoded arguments and the validated options turned into resources and a strategy.
/// Built by the CLI's bridge; consumed by `CoreWorker.createActor`.
public struct ActorRequest: Sendable {
    public var className: String
    public var definitionSource: String
    public var args: [Swiftray_Value]
    public var kwargNames: [String]
    public var kwargs: [Swiftray_Value]
    /// What must be free to place it (placement-group formatted when in a group).
    public var placementResources: ResourceSet
    /// What it holds while alive (placement-group formatted when in a group).
    public var lifetimeResources: ResourceSet
    public var strategy: Swiftray_TaskStrategyData
    public var placementGroupID: PlacementGroupID?
    public var name: String
    public var namespace: String
    public var isDetached: Bool
    public var maxRestarts: Int
    public var maxTaskRetries: Int
    public var getIfExists: Bool
    public var concurrency: Swiftray_ActorConcurrency
    public var methodNames: [String]

    public init(className: String, definitionSource: String, args: [Swiftray_Value], kwargNames: [String],
                kwargs: [Swiftray_Value], placementResources: ResourceSet, lifetimeResources: ResourceSet,
                strategy: Swiftray_TaskStrategyData, placementGroupID: PlacementGroupID?, name: String, namespace: String,
                isDetached: Bool, maxRestarts: Int, maxTaskRetries: Int, getIfExists: Bool,
                concurrency: Swiftray_ActorConcurrency, methodNames: [String]) {
        self.className = className
        self.definitionSource = definitionSource
        self.args = args
        self.kwargNames = kwargNames
        self.kwargs = kwargs
        self.placementResources = placementResources
        self.lifetimeResources = lifetimeResources
        self.strategy = strategy
        self.placementGroupID = placementGroupID
        self.name = name
        self.namespace = namespace
        self.isDetached = isDetached
        self.maxRestarts = maxRestarts
        self.maxTaskRetries = maxTaskRetries
        self.getIfExists = getIfExists
        self.concurrency = concurrency
        self.methodNames = methodNames
    }
}
