import ClusterState
import Script

/// Converts between the interpreter's data (`ScriptData`) and ClusterState's Python-shaped
/// values (`PyValue`), used for placement-group validation and tables.
enum PyValueBridge {
    static func pyValue(_ d: ScriptData) -> PyValue {
        switch d {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let f): return .float(f)
        case .string(let s): return .str(s)
        case .list(let l): return .list(l.map(pyValue))
        case .tuple(let t): return .tuple(t.map(pyValue))
        case .dict(let entries): return .dict(entries.map { (key: pyValue($0.key), value: pyValue($0.value)) })
        case .objectRef(let id): return .str(id)
        case .actorHandle(let id, _, _): return .str(id)
        case .placementGroup(let id, _): return .object([("placement_group_id", .str(id))])
        }
    }

    static func scriptData(_ v: PyValue) -> ScriptData {
        switch v {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let f): return .float(f)
        case .str(let s): return .string(s)
        case .list(let l): return .list(l.map(scriptData))
        case .tuple(let t): return .tuple(t.map(scriptData))
        case .dict(let pairs): return .dict(pairs.map { ScriptDataEntry(scriptData($0.key), scriptData($0.value)) })
        }
    }

    /// A `PyValue` as a row value for `list` output.
    static func stateValue(_ v: PyValue) -> StateValue {
        switch v {
        case .none: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(Int64(i))
        case .float(let f): return .double(f)
        case .str(let s): return .string(s)
        case .list(let l), .tuple(let l): return .list(l.map(stateValue))
        case .dict(let pairs): return StateValue.dict(pairs.map { ($0.key.str, stateValue($0.value)) })
        }
    }

    /// A `PyValue` dict as a `list` row.
    static func row(_ v: PyValue) -> StateRow {
        guard case .dict(let pairs) = v else { return [:] }
        var row = StateRow()
        for pair in pairs { row[pair.key.str] = stateValue(pair.value) }
        return row
    }
}
