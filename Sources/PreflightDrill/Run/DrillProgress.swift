/// Where the drill says which phase runs: a line on a terminal, or nothing.
public protocol DrillProgress: Sendable {
    func attach(_ instructions: String)
    func phase(_ name: String, faults: [String], at seconds: Double, of total: Double)
    func finish()
}
