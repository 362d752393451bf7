/// Whether some alive node can hold a resource request now (`available`), only once others
/// release resources (`feasibleButBusy`), or never with the current nodes (`infeasible`).
public enum RequestFit: Sendable, Equatable {
    case available
    case feasibleButBusy
    case infeasible
}
