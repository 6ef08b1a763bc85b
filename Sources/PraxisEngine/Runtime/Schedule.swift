/// The fixed order of work in every step, with what each phase reads and writes. Printable,
/// so a user can see exactly what the simulator does (`praxis bench … --schedule`).
public struct Schedule: Sendable, CustomStringConvertible {
    public struct Phase: Sendable {
        public let name: String
        public let reads: String
        public let writes: String
        public let items: [String]
    }
    public let dt: Double
    public let phases: [Phase]

    init(network n: Network) {
        dt = n.dt
        let pops = n.populations.filter { if case .constant = $0.model { false } else { true } }
        let plastic = n.projections.filter { $0.rule != nil }
        phases = [
            Phase(name: "modulate", reads: "injected transients", writes: "modulator levels",
                  items: n.modulators.map { "\($0.name) (\($0.kind.rawValue), \($0.channels) channel(s))" }),
            Phase(name: "integrate", reads: "input ring slot t mod L, levels, external drive",
                  writes: "state, spikes or outputs; clears the slot read",
                  items: pops.map { "\($0.name): \($0.model.kindName) × \($0.size)" }),
            Phase(name: "transmit", reads: "spikes/outputs of step t", writes: "target ring slot (t + delay) mod L",
                  items: n.projections.map {
                      "\($0.name): \(n.populations[$0.source].name) → \(n.populations[$0.target].name) "
                          + "(\($0.storage.rawValue), \($0.synapseCount) synapses, \($0.receptor.rawValue), delay \($0.delaySteps))"
                  }),
            Phase(name: "learn", reads: "activities, levels, teacher activity", writes: "each rule's own traces and Δw",
                  items: plastic.map { "\($0.name): \($0.rule?.name ?? "")" }),
            Phase(name: "apply Δw", reads: "Δw", writes: "weights (clamped to bounds); clears Δw",
                  items: plastic.map(\.name)),
            Phase(name: "record", reads: "probed variables", writes: "recordings",
                  items: n.spec.probes.map { "\($0.name): \($0.variable.rawValue) of \($0.target) every \($0.every)" }),
        ]
    }

    public var description: String {
        var s = "step schedule (dt = \(dt) s); every step t runs, in order:\n"
        for (k, p) in phases.enumerated() {
            s += "  \(k + 1). \(p.name) — reads \(p.reads); writes \(p.writes)\n"
            for item in p.items { s += "       · \(item)\n" }
        }
        return s
    }
}
