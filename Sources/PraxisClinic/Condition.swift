import PraxisCircuit
import PraxisEngine

/// A subject's clinical condition, applied to a built circuit through the engine's public
/// knobs (ARCHITECTURE.md: diseases never reach inside the engine). For now: Parkinson's
/// disease as a loss of SNc dopamine cells, and levodopa; the full clinic (progression,
/// pharmacokinetics, DBS, grafts) comes later.
public struct Condition: Sendable, Equatable, Codable {
    /// Fraction of SNc dopamine cells lost, in [0, 1). The tonic dopamine level and the gain
    /// of phasic bursts fall in proportion to the surviving cells; dips keep their gain, as
    /// pauses of the remaining cells still register (Frank 2005, J Cogn Neurosci 17:51).
    public var sncLoss: Double
    /// Levodopa: the tonic dopamine level it produces, in units of the healthy tonic level
    /// (nil: untreated). Exogenous dopamine released tonically fills in the phasic dips: a
    /// pause lowers the raised pool in proportion to what the cells themselves release, so
    /// the dip gain shrinks by the factor (cells' tonic level)/(medicated tonic level)
    /// (Frank 2005: medication keeps dopamine too high for dips to be read).
    public var levodopaTonic: Double?

    public init(sncLoss: Double = 0, levodopaTonic: Double? = nil) {
        self.sncLoss = sncLoss; self.levodopaTonic = levodopaTonic
    }

    /// No manipulation.
    public static let healthy = Condition()

    /// Problems with the values, as (field, message) pairs; empty when valid.
    public var problems: [(field: String, message: String)] {
        var p: [(String, String)] = []
        if !(sncLoss >= 0 && sncLoss < 1) { p.append(("parkinsons.snc_loss", "must be in [0, 1), got \(sncLoss)")) }
        if let t = levodopaTonic, !(t > 0 && t <= 5) { p.append(("levodopa.tonic", "must be in (0, 5] (units of the healthy tonic level), got \(t)")) }
        return p
    }

    /// Applies the condition to every dopamine modulator of `circuit` (call once, on a freshly
    /// built circuit).
    public func apply(to circuit: Circuit) {
        for m in circuit.network.modulators where m.kind == .dopamine {
            let healthy = m.tonic
            let surviving = Float(1 - sncLoss)
            m.tonic = healthy * surviving
            m.burstGain *= surviving
            if let levodopaTonic {
                let medicated = healthy * Float(levodopaTonic)
                if medicated > m.tonic { m.dipGain *= m.tonic / medicated }
                m.tonic = max(m.tonic, medicated)
            }
        }
    }
}
