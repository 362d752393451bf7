extension OrderedResources {
    /// The resources as a Python dict of floats in key order: `{'GPU': 1.0, 'CPU': 0.5}`.
    public var floatDict: PyValue {
        .dict(keys.map { (key: .str($0), value: .float(set[$0].doubleValue)) })
    }
}
