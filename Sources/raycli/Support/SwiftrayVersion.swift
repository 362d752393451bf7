/// The version `swiftray --version` prints.
enum SwiftrayVersion {
    static let text = "0.1.0"
}
