import PraxisCircuit
import Testing
@testable import PraxisEngine
@testable import PraxisTasks

/// The plasticity summary of `praxis run-subject` (`plasticity.csv`): how far each learned
/// projection moved, and which did not learn or ran to a bound.
@Suite struct PlasticityCSVTests {
    /// Weights changed by hand between two snapshots of the default circuit: one synapse of
    /// a corticostriatal map raised, every mossy-fibre → nuclear synapse lowered to its floor,
    /// the rest left alone. The rows carry the hand-computed figures, and the warnings name
    /// exactly the untouched projections and the one that ran to its bound.
    @Test func rowsAndWarningsFollowTheWeights() throws {
        let circuit = try Circuit(spec: CircuitFile.defaultCircuit(), seed: 1)
        let network = circuit.network
        let start = PlasticityCSV.snapshot(network)
        #expect(start.map(\.projection) == network.projections.filter { $0.rule != nil }.map(\.name))

        let go = try #require(network.projection("PMd→D1_DLS"))
        #expect(go.weightValues == [Float](repeating: 1, count: 8))
        go.weights.base[0] = 1.5
        let nuclear = try #require(network.projection("PN→DCN"))
        for i in 0..<nuclear.nPre {
            let (first, count) = nuclear.row(i)
            for t in 0..<count { nuclear.weights.base[first + t] = 0 }
        }

        let rows = PlasticityCSV.rows(since: start, in: network)
        #expect(rows.count == start.count)
        let goRow = try #require(rows.first { $0.projection == "PMd→D1_DLS" })
        #expect(goRow.rule == "three-factor" && goRow.synapses == 8)
        #expect(goRow.meanStart == 1 && abs(goRow.meanEnd - 1.0625) < 1e-9)
        #expect(abs(goRow.meanAbsChange - 0.0625) < 1e-9)
        #expect(goRow.atMin == 0 && goRow.atMax == 0 && goRow.ranToMax == 0)
        #expect(goRow.csv == "PMd→D1_DLS,three-factor,8,1.0,1.0625,0.0625,0.0,0.0,0.0,0.0")

        let nuclearRow = try #require(rows.first { $0.projection == "PN→DCN" })
        #expect(nuclearRow.atMin == 1 && nuclearRow.ranToMin == 1 && nuclearRow.meanEnd == 0)
        #expect(abs(nuclearRow.meanAbsChange - 0.01) < 1e-6)

        // SEQ2→PMd starts at its floor of 0: its synapses sit at the bound without running to it.
        let context = try #require(rows.first { $0.projection == "SEQ2→PMd" })
        #expect(context.atMin == 1 && context.ranToMin == 0 && context.unchanged)

        let warnings = PlasticityCSV.warnings(rows)
        let untouched = rows.filter { $0.projection != "PMd→D1_DLS" && $0.projection != "PN→DCN" }.map(\.projection)
        #expect(warnings.count == untouched.count + 1)
        for name in untouched { #expect(warnings.contains { $0.hasPrefix("\(name) (") && $0.hasSuffix("unchanged over the run") }) }
        #expect(warnings.contains("PN→DCN (climbing-fibre): 100 % of its synapses ran to the lower bound (0.010 → 0.000 on average)"))
        #expect(!warnings.contains { $0.hasPrefix("PMd→D1_DLS") })
    }
}
