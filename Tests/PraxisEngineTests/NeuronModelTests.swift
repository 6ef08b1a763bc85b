import Testing
@testable import PraxisEngine

@Suite struct NeuronModelTests {
    /// LIF f–I curve against the analytic rate 1/(t_ref + τm ln((V∞ − Vr)/(V∞ − Vt))), V∞ = E_L + I.
    @Test func lifFICurveMatchesAnalytic() throws {
        let drives: [Float] = [0.021, 0.025, 0.030, 0.040, 0.060]
        let p = LIFCurrentParameters(tauMS: 0.020, restV: -0.070, thresholdV: -0.050, resetV: -0.070,
                                     refractoryS: 0.002, initialV: .constant(-0.070))
        let sim = try single(.lifCurrent(p), n: drives.count, dt: 1e-4,
                             probes: [ProbeSpec(name: "s", target: "P", variable: .spikes)])
        sim.setExternal(sim.network.populations[0], drives)
        let seconds = 2.0
        try sim.run(seconds: seconds)
        let trains = spikeTrains(sim.recording("s")!, units: drives.count)
        for (k, drive) in drives.enumerated() {
            let vInf = Double(p.restV + drive)
            let period = 0.002 + 0.020 * Libm.log((vInf - Double(p.resetV)) / (vInf - Double(p.thresholdV)))
            let train = trains[k]
            let measured = Double(train.count - 1) / (Double(train.last! - train.first!) * 1e-4)
            #expect(abs(measured * period - 1) < 0.02, "drive \(drive): \(measured) Hz vs \(1 / period) Hz")
        }
    }

    /// A rate unit's response to a unit step is 1 − exp(−t/τ) (exact integration).
    @Test func rateUnitStepResponse() throws {
        let sim = try single(.rate(RateParameters(tauS: 0.010)), dt: 1e-3,
                             probes: [ProbeSpec(name: "x", target: "P", variable: .state)])
        sim.setExternal(sim.network.populations[0], [1])
        try sim.run(steps: 50)
        let x = sim.recording("x")!.series(0)
        for k in [1, 5, 10, 20, 49] {
            let expected = 1 - Libm.exp(-Double(k + 1) * 1e-3 / 0.010)
            #expect(abs(Double(x[k]) - expected) < 1e-5, "step \(k)")
        }
    }

    @Test(arguments: [Transfer.linear(slope: -0.5), .thresholdLinear(threshold: 0.2, slope: 2, max: 1), .sigmoid(threshold: 0.5, slope: 4, max: 2), .tanh(threshold: 0, slope: 1.5)])
    func transferFunctions(_ t: Transfer) {
        for x: Float in [-1, 0, 0.3, 0.5, 0.9, 2] {
            let y = Kernels.transfer(t, x)
            switch t {
            case .linear: #expect(y == -0.5 * x)
            case .thresholdLinear: #expect(y == min(1, 2 * max(0, x - 0.2)))
            case .sigmoid:
                let expected: Float = 2 / (1 + Libm.exp(-4 * (x - 0.5)))
                #expect(abs(y - expected) < 1e-6)
            case .tanh: #expect(abs(y - Float(Libm.tanh(1.5 * x))) < 1e-7)
            }
        }
    }

    /// Rate-unit noise has the stationary SD it is given.
    @Test func rateNoiseStationarySD() throws {
        let sim = try single(.rate(RateParameters(tauS: 0.010, noiseSD: 0.3)), n: 400, dt: 1e-3,
                             probes: [ProbeSpec(name: "x", target: "P", variable: .state, every: 50)])
        try sim.run(steps: 2000)
        let values = sim.recording("x")!.values.dropFirst(400 * 2)
        let mean = values.reduce(0, +) / Float(values.count)
        let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(values.count)).squareRoot()
        #expect(abs(mean) < 0.02)
        #expect(abs(sd - 0.3) < 0.02)
    }

    /// Adaptation: a threshold-linear unit under a steady drive I overshoots, then settles at
    /// I/(1 + β); the adaptation variable relaxes with τ_a.
    @Test func rateAdaptationSettlesAtAnalyticLevel() throws {
        let p = RateParameters(tauS: 0.010, adaptationStrength: 1, adaptationTauS: 0.2)
        let sim = try single(.rate(p), dt: 1e-3, probes: [ProbeSpec(name: "r", target: "P", variable: .output)])
        sim.setExternal(sim.network.populations[0], [1])
        try sim.run(steps: 3000)
        let r = sim.recording("r")!.series(0)
        #expect(r.prefix(200).max()! > 0.85, "peak \(r.prefix(200).max()!)")
        #expect(abs(r.last! - 0.5) < 0.005, "steady \(r.last!)")
    }

    /// Signal-dependent noise: the output's standard deviation grows in proportion to its
    /// mean (a constant coefficient of variation; Harris & Wolpert 1998).
    @Test func signalDependentNoiseScalesWithMean() throws {
        let n = 400
        let sim = try single(.rate(RateParameters(tauS: 0.020, signalNoise: 0.2)), n: 2 * n, dt: 1e-3,
                             probes: [ProbeSpec(name: "r", target: "P", variable: .output, every: 100)])
        sim.setExternal(sim.network.populations[0], (0..<2 * n).map { $0 < n ? 0.5 : 2 })
        try sim.run(steps: 3000)
        let rec = sim.recording("r")!
        func stats(_ units: Range<Int>) -> (mean: Float, sd: Float) {
            var v: [Float] = []
            for frame in 5..<rec.values.count / (2 * n) { for j in units { v.append(rec.values[frame * 2 * n + j]) } }
            let mean = v.reduce(0, +) / Float(v.count)
            let sd = (v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(v.count)).squareRoot()
            return (mean, sd)
        }
        let low = stats(0..<n), high = stats(n..<2 * n)
        #expect(abs(low.sd / low.mean - 0.2) < 0.04, "CV at 0.5: \(low.sd / low.mean)")
        #expect(abs(high.sd / high.mean - 0.2) < 0.04, "CV at 2: \(high.sd / high.mean)")
        #expect(abs(high.sd / low.sd - 4) < 0.6, "SD ratio \(high.sd / low.sd)")
    }

    /// Izhikevich (2003) Fig. 2 patterns at I = 10: RS adapts, FS fires fast without
    /// adaptation, CH fires bursts.
    @Test func izhikevichPublishedPatterns() throws {
        func isis(_ p: IzhikevichParameters) throws -> [Int] {
            let sim = try single(.izhikevich(p), dt: 1e-4, probes: [ProbeSpec(name: "s", target: "P", variable: .spikes)])
            sim.setExternal(sim.network.populations[0], [10])
            try sim.run(seconds: 0.5)
            let t = sim.recording("s")!.spikeSteps
            return zip(t.dropFirst(), t).map { $0 - $1 }
        }
        let rs = try isis(.regularSpiking), fs = try isis(.fastSpiking), ch = try isis(.chattering)
        // RS: regular spiking with spike-frequency adaptation (first ISI clearly shorter than the last).
        #expect(rs.count >= 5)
        #expect(Double(rs.last!) > 1.5 * Double(rs.first!))
        // FS: tonic high-frequency firing, at least twice the RS rate, with little adaptation.
        #expect(fs.count > 2 * rs.count)
        #expect(Double(fs.last!) < 1.3 * Double(fs[1]))
        // CH: bursts — intra-burst ISIs under 10 ms alternate with inter-burst gaps over 20 ms.
        #expect(ch.contains { $0 < 100 })
        #expect(ch.contains { $0 > 200 })
    }

    /// Exponential (exact) and Euler integration of the conductance LIF converge as dt shrinks.
    @Test func exactAndEulerAgreeAsDtShrinks() throws {
        func trace(_ m: IntegrationMethod, dt: Double) throws -> [Float] {
            let p = LIFConductanceParameters(thresholdV: 0.5, initialV: .constant(-0.060),
                                             initialExc: .constant(3), initialInh: .constant(4), method: m)
            let sim = try single(.lifConductance(p), dt: dt,
                                 probes: [ProbeSpec(name: "v", target: "P", variable: .state, every: Int((1e-3 / dt).rounded()))])
            sim.setExternal(sim.network.populations[0], [0.012])
            try sim.run(seconds: 0.05)
            return sim.recording("v")!.series(0)
        }
        func gap(_ dt: Double) throws -> Float {
            zip(try trace(.exact, dt: dt), try trace(.euler, dt: dt)).map { abs($0 - $1) }.max()!
        }
        let coarse = try gap(1e-4), fine = try gap(1e-5)
        #expect(coarse > 0)
        #expect(fine < coarse / 5, "gap \(coarse) at 0.1 ms, \(fine) at 0.01 ms")
    }

    @Test func poissonSourceRate() throws {
        let sim = try single(.poisson(PoissonParameters(rateHz: 40)), n: 500, dt: 1e-4)
        try sim.run(seconds: 1)
        let rate = Double(sim.spikeTotals[0]) / 500
        #expect(abs(rate - 40) < 1.5)
    }

    /// A pulse train delivers amplitude × width × frequency per second, even with pulses shorter than dt.
    @Test(arguments: [1e-4, 1e-3])
    func pulseTrainCharge(dt: Double) throws {
        let q = PulseTrainParameters(frequencyHz: 130, amplitude: 2, pulseWidthMs: 0.09)
        let sim = try single(.pulseTrain(q), dt: dt, probes: [ProbeSpec(name: "o", target: "P", variable: .output)])
        try sim.run(seconds: 1)
        let charge: Double = sim.recording("o")!.values.reduce(0.0) { $0 + Double($1) } * dt
        let expected: Double = 2 * 0.09e-3 * 130
        #expect(abs(charge - expected) < 0.002 * expected)
    }
}
