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
    /// A dopamine field whose source cells are less vulnerable (its `vulnerability`, e.g.
    /// the mesocortical field of the VTA) loses `sncLoss × vulnerability` of them.
    public var sncLoss: Double
    /// Levodopa: the tonic dopamine level it produces, in units of the healthy tonic level
    /// (nil: untreated). With k = medicated / untreated tonic level, the surviving cells
    /// release k times more dopamine per burst (more precursor, fuller vesicles), up to the
    /// healthy burst gain, while dips are filled in by the raised pool and shrink by 1/k
    /// (Frank 2005, J Cogn Neurosci 17:51: medication leaves dopamine too high for dips to
    /// be read, impairing learning from negative outcomes; Cools 2006).
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
            let healthyTonic = m.tonic, healthyBurst = m.burstGain
            let surviving = 1 - Float(sncLoss) * m.vulnerability
            m.tonic = healthyTonic * surviving
            m.burstGain = healthyBurst * surviving
            if let levodopaTonic {
                let medicated = healthyTonic * Float(levodopaTonic)
                if medicated > m.tonic {
                    let k = medicated / m.tonic
                    m.burstGain = min(healthyBurst, m.burstGain * k)
                    m.dipGain /= k
                    m.tonic = medicated
                }
            }
        }
    }
}
