import PraxisEngine
import Testing
@testable import PraxisCircuit

/// Gurney, Prescott & Redgrave (2001) selection properties on the built default circuit:
/// saliences enter as premotor (PMd) drive; a channel is released when its GPi output falls
/// well below the resting level and its VL relay becomes active.
@Suite struct SelectionTests {
    static func settle(_ saliences: [Float], circuit: Circuit? = nil) throws -> (circuit: Circuit, gpi: [Float], vl: [Float], rest: Float) {
        let c = try circuit ?? Circuit(seed: 1)
        c.drive("PMd", [Float](repeating: 0, count: c.spec.channels))
        try c.run(ms: 600)
        let rest = c.channelOutputs("GPi")[0]
        c.drive("PMd", saliences)
        try c.run(ms: 800)
        return (c, c.channelOutputs("GPi"), c.channelOutputs("VL"), rest)
    }

    static func released(_ gpi: [Float], _ vl: [Float], rest: Float) -> [Int] {
        gpi.indices.filter { gpi[$0] < 0.5 * rest && vl[$0] > 0.1 }
    }

    @Test func selectsTheMostSalientChannel() throws {
        let r = try Self.settle([0.4, 0.6, 0.1])
        #expect(r.rest > 0.1)
        #expect(Self.released(r.gpi, r.vl, rest: r.rest) == [1], "rest \(r.rest), GPi \(r.gpi), VL \(r.vl)")
        // The losers stay suppressed: at or above their resting inhibition.
        #expect(r.gpi[0] >= r.rest * 0.95 && r.gpi[2] >= r.rest * 0.95)
    }

    @Test func lowSaliencesReleaseNothing() throws {
        let r = try Self.settle([0.2, 0.2, 0.2])
        #expect(Self.released(r.gpi, r.vl, rest: r.rest).isEmpty, "GPi \(r.gpi), VL \(r.vl)")
    }

    @Test func switchesWhenSaliencesSwap() throws {
        let first = try Self.settle([0.4, 0.6, 0.1])
        #expect(Self.released(first.gpi, first.vl, rest: first.rest) == [1])
        let c = first.circuit
        c.drive("PMd", [0.6, 0.4, 0.1])
        try c.run(ms: 800)
        let gpi = c.channelOutputs("GPi"), vl = c.channelOutputs("VL")
        #expect(Self.released(gpi, vl, rest: first.rest) == [0], "GPi \(gpi), VL \(vl)")
    }

    /// Lower dopamine biases towards the indirect pathway: the same winner is released less.
    @Test func lowDopamineWeakensRelease() throws {
        let healthy = try Self.settle([0.4, 0.6, 0.1])
        let pd = try Circuit(seed: 1)
        pd.network.modulator("dopamine")!.tonic = 0.2
        let depleted = try Self.settle([0.4, 0.6, 0.1], circuit: pd)
        #expect(depleted.gpi[1] > healthy.gpi[1])
        #expect(depleted.vl[1] < healthy.vl[1])
    }
}

/// Every pathway of CIRCUIT.md §2 is present in the built default network.
@Suite struct PathwayTests {
    /// (source region, target region) of every pathway named in CIRCUIT.md §2.
    static let pathways: [(String, String)] = [
        ("PPC", "PMd"), ("PPC", "PMv"), ("PMd", "M1"), ("PMv", "M1"), ("SMA", "M1"), ("M1", "SMA"),
        ("PFC", "PMd"), ("PFC", "SMA"), ("S1", "M1"), ("S1", "PPC"),
        ("PFC", "DMS"), ("PPC", "DMS"), ("M1", "DLS"), ("PMd", "DLS"), ("PMv", "DLS"), ("SMA", "DLS"),
        ("DLS", "GPi"), ("DMS", "GPi"), ("DLS", "SNr"), ("DMS", "SNr"),
        ("DLS", "GPe"), ("GPe", "STN"), ("STN", "GPi"), ("STN", "SNr"), ("GPe", "GPi"),
        ("M1", "STN"), ("SMA", "STN"),
        ("SNc", "DLS"), ("SNc", "DMS"),
        ("GPi", "VL"), ("SNr", "VA"), ("VL", "M1"), ("VL", "PMd"), ("VA", "PMd"), ("VA", "SMA"),
        ("PPC", "PN"), ("PN", "GC"), ("PN", "DCN"), ("IO", "PC"), ("GC", "PC"), ("PC", "DCN"), ("DCN", "IO"),
        ("DCN", "VL"), ("DCN", "RN"), ("RN", "SC"), ("M1", "SC"), ("M1", "RN"),
    ]

    @Test func everyDefaultPathwayIsBuilt() throws {
        let circuit = try Circuit(seed: 1)
        let regionOf = Dictionary(uniqueKeysWithValues: circuit.spec.populations.map { ($0.name, $0.region) })
        var built = Set<String>()
        for j in circuit.network.projections {
            built.insert("\(regionOf[circuit.network.populations[j.source].name]!)>\(regionOf[circuit.network.populations[j.target].name]!)")
            #expect(j.synapseCount > 0, "\(j.name) has no synapses")
        }
        // Climbing fibres act as the teacher of the parallel-fibre synapses they climb.
        for j in circuit.network.projections {
            if case .climbingFibre(let rule)? = j.rule {
                built.insert("\(regionOf[rule.teacher]!)>\(regionOf[circuit.network.populations[j.target].name]!)")
            }
        }
        // SNc → striatum acts through dopamine receptors on the MSNs.
        for p in circuit.network.populations where !p.receptorsDescription.isEmpty {
            if p.receptorsDescription.contains(where: { $0.hasPrefix("dopamine") }) { built.insert("SNc>\(regionOf[p.name]!)") }
        }
        for (s, t) in Self.pathways { #expect(built.contains("\(s)>\(t)"), "missing \(s) → \(t)") }
        // Sensory feedback enters S1/PPC and the error enters IO as external drive.
        for name in ["S1", "PPC", "IO"] { #expect(circuit.network.population(name) != nil) }
    }
}
