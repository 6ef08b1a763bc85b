import PraxisCircuit
import PraxisClinic
import Testing

/// Parkinson's and levodopa act on the dopamine knobs as documented (values by hand).
@Suite struct ConditionTests {
    func dopamine(_ c: Condition) throws -> (tonic: Float, burst: Float, dip: Float) {
        let circuit = try Circuit(seed: 1)
        c.apply(to: circuit)
        let m = circuit.network.modulators.first { $0.kind == .dopamine }!
        return (m.tonic, m.burstGain, m.dipGain)
    }

    @Test func parkinsonsLowersTonicAndBurstsKeepsDips() throws {
        let healthy = try dopamine(.healthy)
        #expect(healthy == (1, 1, 0.5))
        let off = try dopamine(Condition(sncLoss: 0.5))
        #expect(off == (0.5, 0.5, 0.5))
    }

    /// Levodopa to the healthy tonic level after half the cells are lost: k = 2, so bursts
    /// come back to the healthy gain and dips halve.
    @Test func levodopaRestoresBurstsAndFillsDips() throws {
        let on = try dopamine(Condition(sncLoss: 0.5, levodopaTonic: 1))
        #expect(on == (1, 1, 0.25))
        // After 80 % loss, k = 5: bursts capped at the healthy gain, dips ÷ 5.
        let severe = try dopamine(Condition(sncLoss: 0.8, levodopaTonic: 1))
        #expect(abs(severe.tonic - 1) < 1e-6 && severe.burst == 1 && abs(severe.dip - 0.1) < 1e-6)
    }

    /// A dopamine field whose source cells are less vulnerable (the default circuit's
    /// mesocortical field, 0.6 as vulnerable as SNc) loses that fraction of the SNc loss.
    @Test func lessVulnerableFieldLosesLess() throws {
        let circuit = try Circuit(seed: 1)
        Condition(sncLoss: 0.5).apply(to: circuit)
        let field = try #require(circuit.network.modulator("mesocortical dopamine"))
        #expect(field.vulnerability == 0.6)
        #expect(abs(field.tonic - 0.7) < 1e-6 && abs(field.burstGain - 0.7) < 1e-6 && field.dipGain == 0.5)
        let medicated = try Circuit(seed: 1)
        Condition(sncLoss: 0.5, levodopaTonic: 1).apply(to: medicated)
        let m = try #require(medicated.network.modulator("mesocortical dopamine"))
        #expect(abs(m.tonic - 1) < 1e-6 && abs(m.burstGain - 1) < 1e-6 && abs(m.dipGain - 0.35) < 1e-6)
    }

    @Test func impossibleValuesAreNamed() {
        #expect(Condition(sncLoss: 1).problems.map(\.field) == ["parkinsons.snc_loss"])
        #expect(Condition(levodopaTonic: -1).problems.map(\.field) == ["levodopa.tonic"])
        #expect(Condition(sncLoss: 0.3, levodopaTonic: 1).problems.isEmpty)
    }
}
