import ArgumentParser
import Runtime

/// `swiftray get-auth-token`: prints the cluster token (to give to nodes on other machines).
struct GetAuthTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get-auth-token",
        abstract: "Print the cluster token, for SWIFTRAY_AUTH_TOKEN on other machines.")

    @OptionGroup var temp: TempDirOption

    func run() throws {
        guard let token = AuthToken.find(paths: temp.paths) else {
            Console.error("Error: No cluster token found in \(temp.paths.tokenFile) or SWIFTRAY_AUTH_TOKEN. Start a head node first with `swiftray start --head`.")
            throw ExitCode.failure
        }
        print(token)
    }
}
