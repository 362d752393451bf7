/// Plain data crossing the `ClusterBridge`: the JSON-like subset of Python values plus object
/// references. Dict entries keep their order.
public indirect enum ScriptData: Sendable, Equatable {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case list([ScriptData])
    case tuple([ScriptData])
    case dict([ScriptDataEntry])
    /// An object reference by its hex id.
    case objectRef(String)
    /// An actor handle: its hex id, class name and callable method names.
    case actorHandle(id: String, className: String, methods: [String])
    /// A placement group handle: its hex id and bundles (dicts of resources).
    case placementGroup(id: String, bundles: [ScriptData])
}
