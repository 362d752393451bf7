import ClusterState

/// Object rows of `ray list objects` (Ray's `ObjectState`).
///
/// Guarantees: `object` is the printed row: `object_size` humanised (`MemoryFormat.humanify`,
/// `-1.000 B` when unknown), `attempt_number` the record's attempt plus one (Ray prints
/// executions including the current one), `type` `DRIVER`/`WORKER`. `objectFilterRow` is the
/// same row with `object_size` as integer bytes: Ray filters before humanising, so
/// `object_size=1024` compares bytes.
extension ListRows {
    public static func object(_ o: ObjectInfo) -> StateRow {
        var row = objectFilterRow(o)
        row["object_size"] = .string(MemoryFormat.humanify(bytes: Double(o.objectSize)))
        return row
    }

    /// The row filters are applied to (before humanising).
    public static func objectFilterRow(_ o: ObjectInfo) -> StateRow {
        [
            "object_id": .string(o.objectID.hex),
            "object_size": .int(o.objectSize),
            "task_status": .string(o.taskStatus.rawValue),
            "attempt_number": .int(Int64(o.attemptNumber) + 1),
            "reference_type": .string(o.referenceType.rawValue),
            "call_site": .string(o.callSite),
            "type": .string(o.type.rawValue),
            "pid": .int(Int64(o.pid)),
            "ip": .string(o.ip),
        ]
    }

    /// The `UserWarning` Ray's state API adds to object listings and summaries when creation
    /// sites are not recorded (`RAY_record_ref_creation_sites` unset).
    public static let callsiteWarning = "Callsite is not being recorded. To record callsite information for each "
        + "ObjectRef created, set env variable RAY_record_ref_creation_sites=1 during `ray start` and `ray.init`."
}
