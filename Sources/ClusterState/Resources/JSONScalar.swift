/// One JSON value as far as flag validation cares: a number, or something else described by
/// its JSON text. Decodes strictly (booleans are not numbers).
enum JSONScalar: Decodable, Equatable {
    case number(Double)
    case other(String)

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .other("null"); return }
        if let b = try? c.decode(Bool.self) { self = .other(b ? "true" : "false"); return }
        if let d = try? c.decode(Double.self) { self = .number(d); return }
        if let s = try? c.decode(String.self) { self = .other(PythonString.repr(s)); return }
        if (try? c.decode([JSONScalar].self)) != nil { self = .other("a list"); return }
        if (try? c.decode([String: JSONScalar].self)) != nil { self = .other("an object"); return }
        throw DecodingError.dataCorruptedError(in: c, debugDescription: "not JSON")
    }

    var text: String {
        switch self {
        case .number(let d): return PythonFloat.repr(d)
        case .other(let s): return s
        }
    }
}

/// A JSON object of `JSONScalar` values (the shape `--resources` must have).
struct JSONScalarObject: Decodable {
    var values: [String: JSONScalar]
    init(from decoder: any Decoder) throws {
        values = try decoder.singleValueContainer().decode([String: JSONScalar].self)
    }
}
