import ClusterState
import Foundation
import Runtime
import Script

/// Converts the interpreter's values (`ScriptData`) to and from the wire's `Swiftray_Value`.
/// ObjectRefs carry their owner's address on the wire: the core worker supplies it when
/// encoding and records it (as a borrowed reference) when decoding.
struct ValueCodec {
    let core: CoreWorker

    func encode(_ d: ScriptData) throws -> Swiftray_Value {
        var v = Swiftray_Value()
        switch d {
        case .none: v.none = true
        case .bool(let b): v.boolValue = b
        case .int(let i): v.intValue = Int64(i)
        case .float(let f): v.floatValue = f
        case .string(let s): v.stringValue = s
        case .list(let l):
            var list = Swiftray_ValueList()
            list.items = try l.map(encode)
            v.listValue = list
        case .tuple(let t):
            var list = Swiftray_ValueList()
            list.items = try t.map(encode)
            v.tupleValue = list
        case .dict(let entries):
            var dict = Swiftray_ValueDict()
            dict.keys = try entries.map { try encode($0.key) }
            dict.values = try entries.map { try encode($0.value) }
            v.dictValue = dict
        case .objectRef(let hex):
            let id = try Self.objectID(hex)
            var ref = Swiftray_ObjectReference()
            ref.objectID = Data(id.bytes)
            ref.owner = core.ownerAddress(of: id)
            v.objectRef = ref
        case .actorHandle(let id, let className, let methods):
            var h = Swiftray_ActorHandleValue()
            h.actorID = Data(HexCoding.decode(id) ?? [])
            h.className = className
            h.methods = methods
            v.actorHandle = h
        case .placementGroup(let id, let bundles):
            var pg = Swiftray_PlacementGroupValue()
            pg.placementGroupID = Data(HexCoding.decode(id) ?? [])
            pg.bundles = try bundles.map { b in
                guard case .dictValue(let dict)? = try encode(b).kind else { return Swiftray_ValueDict() }
                return dict
            }
            v.placementGroup = pg
        }
        return v
    }

    func decode(_ v: Swiftray_Value) -> ScriptData {
        switch v.kind {
        case .none?, nil: return .none
        case .boolValue(let b)?: return .bool(b)
        case .intValue(let i)?: return .int(Int(i))
        case .floatValue(let f)?: return .float(f)
        case .stringValue(let s)?: return .string(s)
        case .listValue(let l)?: return .list(l.items.map(decode))
        case .tupleValue(let l)?: return .tuple(l.items.map(decode))
        case .dictValue(let d)?:
            return .dict(zip(d.keys, d.values).map { ScriptDataEntry(decode($0.0), decode($0.1)) })
        case .objectRef(let r)?:
            if let id = ObjectID(bytes: [UInt8](r.objectID)) {
                if !core.objects.owns(id) { core.objects.noteBorrowed(id, owner: r.owner) }
                return .objectRef(id.hex)
            }
            return .none
        case .actorHandle(let h)?:
            return .actorHandle(id: HexCoding.encode([UInt8](h.actorID)), className: h.className, methods: h.methods)
        case .placementGroup(let pg)?:
            var dictValue = Swiftray_Value()
            return .placementGroup(id: HexCoding.encode([UInt8](pg.placementGroupID)), bundles: pg.bundles.map { b in
                dictValue.dictValue = b
                return decode(dictValue)
            })
        }
    }

    /// Serialized bytes of a value (what objects hold).
    func serialize(_ d: ScriptData) throws -> Data { try encode(d).serializedData() }

    func deserialize(_ bytes: Data) throws -> ScriptData { decode(try Swiftray_Value(serializedBytes: bytes, options: WireDecoding.options)) }

    static func objectID(_ hex: String) throws -> ObjectID {
        do { return try ObjectID(hex: hex) } catch {
            throw BridgeError("ValueError", "\(hex) is not an ObjectRef id: \(error)")
        }
    }

    /// A call's positional and keyword arguments on the wire: values, keyword names, values.
    func encodeArguments(of spec: RemoteCallSpec) throws -> (args: [Swiftray_Value], kwargNames: [String], kwargs: [Swiftray_Value]) {
        (try spec.arguments.map(encode),
         spec.keywordArguments.map { if case .string(let k) = $0.key { return k }; return "" },
         try spec.keywordArguments.map { try encode($0.value) })
    }
}
