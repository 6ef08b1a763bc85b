import PraxisEngine

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

extension CircuitSpec {
    /// The engine network this circuit describes. Modulatory pathways (SNc → striatum) become
    /// receptor bindings on their target; every other pathway, gain pathways included,
    /// becomes one projection named after the pathway.
    public func network(probes: [ProbeSpec] = []) -> NetworkSpec {
        var receptorsByTarget: [String: [ReceptorBinding]] = [:]
        for p in pathways where p.sign == .modulatory && !p.isGain {
            if let m = p.modulator, let r = p.receptor, let k = p.sensitivity {
                receptorsByTarget[p.target, default: []].append(ReceptorBinding(modulator: m, receptor: r, sensitivity: k))
            }
        }
        let pops = populations.map { e in
            PopulationSpec(name: e.name, size: e.size, model: e.model, gain: e.gain,
                           receptors: e.receptors + receptorsByTarget[e.name, default: []])
        }
        let sizes = Dictionary(populations.map { ($0.name, $0.size) }, uniquingKeysWith: { a, _ in a })
        let projections = pathways.filter { $0.sign != .modulatory || $0.isGain }.map { p in
            ProjectionSpec(name: p.name, source: p.source, target: p.target,
                           connectivity: connectivity(p, sizes: sizes), weight: p.weight, receptor: p.sign,
                           scale: p.scale, delaySteps: delaySteps(p.delayMs), plasticity: p.rule)
        }
        return NetworkSpec(dt: dtMs / 1000, populations: pops, projections: projections, modulators: modulators, probes: probes)
    }

    /// A delay in whole steps, at least one (a step's output acts on the next step).
    public func delaySteps(_ ms: Double) -> Int { max(1, Int((ms / dtMs).rounded())) }

    /// The constant weight of a pathway whose pattern fixes its weights (cosine, opposite);
    /// the file check refuses drawn weights for them.
    private func fixedWeight(_ p: Pathway) -> Float {
        if case .constant(let w) = p.weight { return w }
        return 1
    }

    private func connectivity(_ p: Pathway, sizes: [String: Int]) -> Connectivity {
        switch p.pattern {
        case .dense: return .dense
        case .oneToOne: return .oneToOne
        case .opposite:
            let n = sizes[p.source] ?? 0
            return .explicit(pre: Array(0..<n), post: (0..<n).map { ($0 + n / 2) % n },
                             weights: Array(repeating: fixedWeight(p), count: n))
        case .channelwise: return .channelwise(channels: channels)
        case .crossChannel:
            let ns = sizes[p.source] ?? 0, nt = sizes[p.target] ?? 0
            var pre: [Int] = [], post: [Int] = []
            for i in 0..<ns {
                for j in 0..<nt where i * channels / ns != j * channels / nt { pre.append(i); post.append(j) }
            }
            return .explicit(pre: pre, post: post, weights: Array(repeating: fixedWeight(p), count: pre.count))
        case .pair:
            let ns = sizes[p.source] ?? 0
            var pre: [Int] = [], post: [Int] = []
            for i in 0..<ns {
                let j = i * channels / ns
                for c in 0..<channels where c != j { pre.append(i); post.append(c * channels + j) }
            }
            return .explicit(pre: pre, post: post, weights: Array(repeating: fixedWeight(p), count: pre.count))
        case .random(let prob): return .fixedProbability(p: prob)
        case .cosine:
            return directional(p, sizes: sizes) { c in c > 1e-6 ? c : 0 }
        case .surround:
            return directional(p, sizes: sizes) { c in (1 - c) / 2 > 1e-6 ? (1 - c) / 2 : 0 }
        }
    }

    /// Units of source and target with evenly spaced preferred directions, joined with
    /// weight `w · profile(cos(θ_i − θ_j))` wherever the profile is not zero.
    private func directional(_ p: Pathway, sizes: [String: Int], profile: (Double) -> Double) -> Connectivity {
        let ns = sizes[p.source] ?? 0, nt = sizes[p.target] ?? 0
        let amplitude = fixedWeight(p)
        var pre: [Int] = [], post: [Int] = [], w: [Float] = []
        for i in 0..<ns {
            for j in 0..<nt {
                let k = profile(cos(2 * Double.pi * (Double(i) / Double(ns) - Double(j) / Double(nt))))
                if k > 0 { pre.append(i); post.append(j); w.append(amplitude * Float(k)) }
            }
        }
        return .explicit(pre: pre, post: post, weights: w)
    }
}
