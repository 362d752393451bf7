import OrderedCollections

/// One record of `ray list` as an ordered column → value dict (the full record, before
/// projection). Keys follow the resource's `ListSchema.allColumns` order.
public typealias StateRow = OrderedDictionary<String, StateValue>
