import PraxisLab
import Foundation
import PraxisEngine

/// Builds and runs one benchmark network, timing build and simulation separately.
struct BenchRunner {
    let name: String
    let options: Bench.Options

    struct Measurement {
        var buildSeconds: Double
        var wallSeconds: Double
        var spikes: Int
        var events: Int
        var meanOutput: Double
    }

    func run(_ spec: NetworkSpec) throws {
        var runs: [Measurement] = []
        var synapses = 0
        let neurons = spec.populations.reduce(0) { $0 + $1.size }
        for r in 0..<options.repeats {
            let clock = ContinuousClock()
            let t0 = clock.now
            let network = try Network(spec: spec, seed: options.seed)
            let simulator = Simulator(network: network, threads: options.threads)
            let built = clock.now
            if options.schedule && r == 0 { print(simulator.schedule) }
            try simulator.run(seconds: options.duration)
            let done = clock.now
            synapses = network.synapseCount
            let mean = network.populations.reduce(0.0) { acc, p in
                p.model.isSpiking ? acc : acc + Double(p.outputs.reduce(0) { $0 + abs($1) }) / Double(neurons)
            }
            runs.append(Measurement(buildSeconds: seconds(built - t0), wallSeconds: seconds(done - built),
                                    spikes: simulator.spikeTotals.reduce(0, +),
                                    events: network.projections.reduce(0) { $0 + $1.events },
                                    meanOutput: mean))
        }
        let sorted = runs.sorted { $0.wallSeconds < $1.wallSeconds }
        let m = sorted[sorted.count / 2]
        let isSpiking = spec.populations.contains { $0.model.isSpiking }
        let rate = isSpiking ? Double(m.spikes) / Double(neurons) / options.duration : m.meanOutput
        let rss = ResourceUsage.peakResidentMegabytes()
        let realTime = options.duration / m.wallSeconds
        print("\(name): \(neurons) neurons, \(synapses) synapses, \(options.duration) s simulated, \(options.threads) thread(s)")
        print(String(format: "  build %.3f s, simulate %.3f s (median of %d; %.1f× real time)",
                     m.buildSeconds, m.wallSeconds, options.repeats, realTime))
        if isSpiking {
            print(String(format: "  %d spikes, mean rate %.2f Hz, %.3g synaptic events/s of wall time",
                         m.spikes, rate, Double(m.events) / m.wallSeconds))
        } else {
            print(String(format: "  mean |output| %.4f", rate))
        }
        print(String(format: "  peak RSS %.1f MB", rss) + "; machine: \(Machine.description)")
        if options.json {
            let object: [String: Any] = [
                "benchmark": name, "neurons": neurons, "synapses": synapses,
                "duration_s": options.duration, "threads": options.threads, "seed": options.seed,
                "repeats": options.repeats, "wall_s": m.wallSeconds, "build_s": m.buildSeconds,
                "wall_s_all": runs.map(\.wallSeconds), "spikes": m.spikes, "mean_rate_hz": rate,
                "synaptic_events_per_s": Double(m.events) / m.wallSeconds,
                "real_time_factor": realTime, "peak_rss_mb": rss, "machine": Machine.description, "version": PraxisVersion.string,
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        }
    }

    private func seconds(_ d: Duration) -> Double {
        let c = d.components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }
}
