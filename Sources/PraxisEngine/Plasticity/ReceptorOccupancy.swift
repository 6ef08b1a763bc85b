/// How a synapse's plasticity reads a neuromodulator through a receptor of finite affinity:
/// occupancy `θ(m) = m/(m + K)` with the dissociation constant `K = affinity · m₀` (m₀ the
/// reference, healthy tonic level), and the learning signal is the change of occupancy
/// from its tonic value, `θ(m) − θ(tonic)`, divided by θ's slope at m₀ so that small
/// transients at the healthy tonic level read as before (`m − tonic`).
///
/// A high-affinity receptor (K well below m₀, dopamine D2) is near saturation at the tonic
/// level: bursts hardly change its occupancy and pauses change it a lot, the more so the
/// lower the tonic level, so a dopamine-depleted striatum learns more from dips (denervation
/// supersensitivity; Richfield, Penney & Young 1989; Dreyer et al. 2010, J Neurosci 30:14273;
/// Frank 2005, J Cogn Neurosci 17:51). A low-affinity receptor (K well above m₀, D1) reads
/// transients almost linearly. With `affinity` 0 the reading is linear, `m − tonic`.
struct ReceptorOccupancy {
    let k: Float, tonicOccupancy: Float, inverseSlope: Float

    init(affinity: Float, reference: Float, tonic: Float) {
        k = affinity * reference
        if k > 0 {
            tonicOccupancy = tonic / (tonic + k)
            let r = reference + k
            inverseSlope = r * r / k
        } else {
            tonicOccupancy = tonic; inverseSlope = 1
        }
    }

    /// The learning signal for modulator level `m`.
    @inline(__always)
    func deviation(_ m: Float) -> Float {
        k > 0 ? (m / (m + k) - tonicOccupancy) * inverseSlope : m - tonicOccupancy
    }
}
