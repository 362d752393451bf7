import ClusterState
import Foundation
import SwiftProtobuf

extension GcsClient {
    /// Registers a placement group for `job`; returns at once with the PENDING group.
    public func createPlacementGroup(job: JobID, namespace: String, request: PlacementGroupRequest) async throws -> PlacementGroupInfo {
        var r = Swiftray_CreatePlacementGroupRequest()
        r.jobID = Data(job.bytes)
        r.namespace = namespace
        r.name = request.name
        r.strategy = request.strategy.rawValue
        r.bundles = request.bundles.enumerated().map { BundleSpec(index: $0.offset, resources: $0.element).record }
        r.isDetached = request.isDetached
        var rng = SystemRandomNumberGenerator()
        r.placementGroupID = Data(PlacementGroupID.make(job: job, using: &rng).bytes)
        let reply: Swiftray_PlacementGroupReply = try await rpc.call("gcs.CreatePlacementGroup", r)
        return try PlacementGroupInfo(record: reply.group)
    }

    /// Removes a group (idempotent).
    public func removePlacementGroup(_ id: PlacementGroupID) async throws {
        var q = Swiftray_PlacementGroupQuery()
        q.placementGroupID = Data(id.bytes)
        let _: Swiftray_Empty = try await rpc.call("gcs.RemovePlacementGroup", q)
    }

    /// One group by id, or the live group with that name in `namespace`.
    public func placementGroup(id: PlacementGroupID? = nil, name: String = "", namespace: String = "") async throws -> PlacementGroupInfo? {
        var q = Swiftray_PlacementGroupQuery()
        q.placementGroupID = Data(id?.bytes ?? [])
        q.name = name
        q.namespace = namespace
        let reply: Swiftray_PlacementGroupReply = try await rpc.call("gcs.GetPlacementGroup", q)
        return reply.found ? try PlacementGroupInfo(record: reply.group) : nil
    }

    public func allPlacementGroups() async throws -> [PlacementGroupInfo] {
        let reply: Swiftray_GetAllPlacementGroupsReply = try await rpc.call("gcs.GetAllPlacementGroups", Swiftray_Empty())
        return try reply.groups.map { try PlacementGroupInfo(record: $0) }
    }

    /// Waits until the group is CREATED (true), REMOVED or the timeout passes (false);
    /// `timeout` nil waits forever.
    public func waitPlacementGroupReady(_ id: PlacementGroupID, timeout: Double?) async throws -> (ready: Bool, removed: Bool) {
        var q = Swiftray_PlacementGroupQuery()
        q.placementGroupID = Data(id.bytes)
        q.timeoutMs = timeout.map { Int64(max(0, $0) * 1000) } ?? -1
        let callTimeout: Duration = timeout.map { .milliseconds(Int64($0 * 1000) + 5000) } ?? .seconds(365 * 24 * 3600)
        let reply: Swiftray_WaitPlacementGroupReadyReply = try await rpc.call("gcs.WaitPlacementGroupReady", q, timeout: callTimeout)
        return (reply.ready, reply.removed)
    }
}
