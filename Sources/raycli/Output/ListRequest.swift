/// A validated `ray list <resource>` request: resource, filters, limit, detail flag, format.
///
/// Guarantees: once built, the resource has a schema, every filter is valid for it (keys
/// lower-cased, values converted) and `1 <= limit <= maxLimit`; invalid input throws
/// `OutputError` with Ray's message. Filters are checked in the order given, then the limit.
public struct ListRequest: Sendable, Hashable {
    public static let defaultLimit = 100
    /// Ray's `RAY_MAX_LIMIT_FROM_API_SERVER` default.
    public static let maxLimit = 10_000

    public var schema: ListSchema
    public var filters: [ListFilter]
    public var limit: Int
    public var detail: Bool
    public var format: ListFormat

    public var resource: ListResource { schema.resource }

    public init(resource: ListResource, filters: [String] = [], limit: Int = ListRequest.defaultLimit,
                detail: Bool = false, format: ListFormat = .default,
                maxLimit: Int = ListRequest.maxLimit) throws(OutputError) {
        guard let schema = resource.schema else { throw .unsupportedResource(name: resource.cliName) }
        var parsed: [ListFilter] = []
        for text in filters {
            parsed.append(try ListFilter.parse(text).validated(for: schema))
        }
        guard limit <= maxLimit else { throw .limitTooLarge(limit: limit, max: maxLimit) }
        guard limit > 0 else { throw .limitNotPositive(limit: limit) }
        self.schema = schema
        self.filters = parsed
        self.limit = limit
        self.detail = detail
        self.format = format
    }

    /// Convenience taking the CLI's spellings (`placement-groups`, `--format json`).
    public init(resource: String, filters: [String] = [], limit: Int = ListRequest.defaultLimit,
                detail: Bool = false, format: String = "default") throws(OutputError) {
        let r = try ListResource(cliName: resource)
        let f = try ListFormat(cliName: format)
        try self.init(resource: r, filters: filters, limit: limit, detail: detail, format: f)
    }

    /// The format actually printed (`--detail` turns `default` into `yaml`).
    public var effectiveFormat: ListFormat { format.effective(detail: detail) }
}
