import ClusterState
import OrderedCollections

/// Actor rows of `ray list actors` (Ray's `ActorState`, the seed's fourteen fields).
///
/// Guarantees (each value as Ray's state API produces it from `ActorTableData` before any format):
/// - Keys in `ListSchema.actors.allColumns` order (the seed's sorted order).
/// - Ids are hex; `node_id` is null until the actor is placed, `placement_group_id` null outside
///   a group; `pid` is the integer pid (0 until the actor runs, as Ray's `uint32` default).
/// - `required_resources` is a dict of floats in code-point key order, `{}` when empty.
/// - `death_cause` is null unless the actor is `DEAD`; then it is
///   `{actor_died_error_context: {…}}` with Ray's keys (`actor_id`, `class_name`,
///   `error_message`, `name`, `never_started`, `node_ip_address`, `owner_id`,
///   `owner_ip_address`, `pid`, `ray_namespace`, `reason`), in sorted order.
/// - `serialized_runtime_env` is `'{}'` (swiftray has no runtime envs), `repr_name` the record's.
extension ListRows {
    public static func actor(_ a: ActorInfo) -> StateRow {
        var resources = OrderedDictionary<String, StateValue>()
        for name in a.requiredResources.names {
            resources[name] = .double(a.requiredResources[name].doubleValue)
        }
        return [
            "actor_id": .string(a.actorID.hex),
            "class_name": .string(a.className),
            "death_cause": actorDeathCause(a),
            "is_detached": .bool(a.isDetached),
            "job_id": .string(a.jobID.hex),
            "name": .string(a.name),
            "node_id": .optionalString(a.nodeID?.hex),
            "pid": .int(Int64(a.pid)),
            "placement_group_id": .optionalString(a.placementGroupID?.hex),
            "ray_namespace": .string(a.namespace),
            "repr_name": .string(a.reprName),
            "required_resources": .dict(resources),
            "serialized_runtime_env": "{}",
            "state": .string(a.state.rawValue),
        ]
    }

    /// Ray's `death_cause` of an actor: null while it lives, else its `ActorDiedErrorContext`
    /// (a dead actor without a recorded reason reports `UNSPECIFIED` and an empty message).
    static func actorDeathCause(_ a: ActorInfo) -> StateValue {
        guard a.state == .dead else { return .null }
        let context: StateValue = [
            "actor_id": .string(a.actorID.hex),
            "class_name": .string(a.className),
            "error_message": .string(a.deathMessage ?? ""),
            "name": .string(a.name),
            "never_started": .bool(a.neverStarted),
            "node_ip_address": .string(a.nodeIPAddress),
            "owner_id": .string(a.ownerID),
            "owner_ip_address": .string(a.ownerIPAddress),
            "pid": .int(Int64(a.pid)),
            "ray_namespace": .string(a.namespace),
            "reason": .string((a.deathReason ?? .unspecified).rawValue),
        ]
        return ["actor_died_error_context": context]
    }
}
