/// One ordered key/value pair of `ScriptData.dict`.
public struct ScriptDataEntry: Sendable, Equatable {
    public var key: ScriptData
    public var value: ScriptData
    public init(_ key: ScriptData, _ value: ScriptData) {
        self.key = key
        self.value = value
    }
}
