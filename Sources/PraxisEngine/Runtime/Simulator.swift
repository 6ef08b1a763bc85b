/// Steps a built `Network` through its fixed `Schedule`.
///
/// With `threads > 1` each phase spreads its work items (unit ranges of a population, target
/// populations, plastic projections) over threads; items own disjoint buffers and all
/// random draws are addressed by (stream, step, unit), so results are bit-identical for a
/// seed whatever the thread count.
public final class Simulator: @unchecked Sendable {
    public let network: Network
    public let threads: Int
    public let schedule: Schedule
    /// Steps taken so far; time is `Double(step) * dt`.
    public private(set) var step = 0
    /// Spikes emitted so far, per population.
    public private(set) var spikeTotals: [Int]
    public private(set) var recordings: [Recording]

    private struct WorkItem { let population: Int; let range: Range<Int> }
    private let items: [WorkItem]
    private let itemsOfPopulation: [[Int]]
    private let itemSpikeEnd: Buffer<Int>
    private let itemCheck: Buffer<Float>
    private let targets: [Int]
    private let plastic: [Int]
    /// Index of each probe's population, modulator or projection, resolved once.
    private let probeTargets: [Int]

    /// Minimum units per work item when a population is split across threads.
    static let minimumChunk = 2048

    public init(network: Network, threads: Int = 1) {
        self.network = network
        self.threads = max(1, threads)
        schedule = Schedule(network: network)
        spikeTotals = Array(repeating: 0, count: network.populations.count)
        var items: [WorkItem] = []
        var byPop: [[Int]] = []
        for p in network.populations {
            var mine: [Int] = []
            if case .constant = p.model { byPop.append(mine); continue }
            let chunks = max(1, min(self.threads, p.padded / Simulator.minimumChunk))
            let per = padded8((p.padded + chunks - 1) / chunks)
            var lo = 0
            while lo < p.padded {
                let hi = min(p.padded, lo + per)
                mine.append(items.count)
                items.append(WorkItem(population: p.index, range: lo..<hi))
                lo = hi
            }
            byPop.append(mine)
        }
        self.items = items
        itemsOfPopulation = byPop
        itemSpikeEnd = Buffer(count: items.count, value: 0)
        itemCheck = Buffer(count: items.count, value: 0)
        targets = network.populations.indices.filter { !network.incoming[$0].isEmpty }
        plastic = network.projections.indices.filter { network.projections[$0].rule != nil }
        var widths: [Int] = [], indices: [Int] = []
        for probe in network.spec.probes {
            switch probe.variable {
            case .state, .output, .spikes:
                let p = network.populations.firstIndex { $0.name == probe.target }!
                indices.append(p); widths.append(probe.variable == .spikes ? 0 : network.populations[p].size)
            case .modulator:
                let m = network.modulators.firstIndex { $0.name == probe.target }!
                indices.append(m); widths.append(network.modulators[m].channels)
            case .weights:
                let j = network.projections.firstIndex { $0.name == probe.target }!
                indices.append(j); widths.append(network.projections[j].synapseCount)
            }
        }
        probeTargets = indices
        recordings = zip(network.spec.probes, widths).map { Recording(probe: $0, width: $1) }
    }

    /// Simulated time in seconds.
    public var time: Double { Double(step) * network.dt }

    /// Runs `steps` steps, stopping with an error naming the population and step on NaN/Inf.
    public func run(steps: Int) throws(SimulationError) {
        for _ in 0..<steps { try advance() }
    }

    /// Runs for `seconds` of simulated time.
    public func run(seconds: Double) throws(SimulationError) {
        try run(steps: Int((seconds / network.dt).rounded()))
    }

    /// Sets a population's external drive (the sense phase): added to each unit like a bias
    /// until changed. Values beyond the population size are ignored.
    public func setExternal(_ population: Population, _ values: [Float]) {
        precondition(values.count == population.size, "external drive must have one value per unit")
        for (j, x) in values.enumerated() { population.external[j] = x }
        population.hasExternal = values.contains { $0 != 0 }
    }

    /// One step of the schedule.
    public func advance() throws(SimulationError) {
        let n = network
        let t = step

        // 1. modulate
        for m in n.modulators { m.update() }

        // 2. integrate
        parallelFor(items.count, threads: threads) { k in
            let item = items[k]
            let p = n.populations[item.population]
            let slot = t % p.ringLength
            if !p.receptors.isEmpty || p.hasModulatoryInput {
                Kernels.prepareGain(p, item.range, slot: slot, modulators: n.modulators)
            }
            let result: Kernels.KernelResult
            switch p.model {
            case .rate(let q): result = Kernels.integrateRate(p, q, item.range, slot: slot, step: t)
            case .lifCurrent(let q): result = Kernels.integrateLIFCurrent(p, q, item.range, slot: slot)
            case .lifConductance(let q): result = Kernels.integrateLIFConductance(p, q, item.range, slot: slot)
            case .izhikevich(let q): result = Kernels.integrateIzhikevich(p, q, item.range, slot: slot)
            case .poisson: result = Kernels.integratePoisson(p, item.range, step: t)
            case .pulseTrain(let q): result = Kernels.integratePulseTrain(p, q, item.range, step: t, dt: n.dt)
            case .constant: result = .init(check: 0, spikeEnd: item.range.lowerBound)
            }
            itemSpikeEnd[k] = result.spikeEnd
            itemCheck[k] = result.check
        }
        for p in n.populations {
            var count = 0
            for k in itemsOfPopulation[p.index] {
                if !itemCheck[k].isFinite { throw blowUp(p, step: t) }
                let lo = items[k].range.lowerBound, fired = itemSpikeEnd[k] - lo
                if lo != count && fired > 0 { (p.spikes.base + count).update(from: p.spikes.base + lo, count: fired) }
                count += fired
            }
            p.spikeCount = count
            spikeTotals[p.index] += count
        }

        // 3. transmit
        parallelFor(targets.count, threads: threads) { k in
            let target = n.populations[targets[k]]
            for j in n.incoming[target.index] {
                let projection = n.projections[j]
                Kernels.transmit(projection, source: n.populations[projection.source], target: target, step: t)
            }
        }

        // 4. learn, 5. apply Δw
        if !plastic.isEmpty {
            let dt = Float(n.dt)
            parallelFor(plastic.count, threads: threads) { k in
                let j = n.projections[plastic[k]]
                Kernels.learn(j, pre: n.populations[j.source], post: n.populations[j.target], network: n, dt: dt)
            }
            parallelFor(plastic.count, threads: threads) { k in Kernels.applyDeltaW(n.projections[plastic[k]]) }
        }

        // 6. record
        if !recordings.isEmpty { record(t) }
        step += 1
    }

    @inline(never)
    private func blowUp(_ p: Population, step t: Int) -> SimulationError {
        let bad = (0..<p.size).first { !p.v[$0].isFinite || !p.s1[$0].isFinite || !p.s2[$0].isFinite }
        let detail = bad.map { "unit \($0) has v = \(p.v[$0]), s1 = \(p.s1[$0]), s2 = \(p.s2[$0])" } ?? "non-finite output"
        return SimulationError(population: p.name, step: t, time: Double(t) * network.dt,
                               message: "state became NaN or infinite (\(detail)); reduce dt or weights")
    }

    @inline(never)
    private func record(_ t: Int) {
        let n = network
        for r in recordings.indices where t % recordings[r].probe.every == 0 {
            let probe = recordings[r].probe, target = probeTargets[r]
            switch probe.variable {
            case .state:
                recordings[r].values += n.populations[target].state
            case .output:
                let p = n.populations[target]
                if p.model.isSpiking {
                    var row = [Float](repeating: 0, count: p.size)
                    for s in p.lastSpikes { row[Int(s)] = Float(1 / n.dt) }
                    recordings[r].values += row
                } else {
                    recordings[r].values += p.outputs
                }
            case .spikes:
                let p = n.populations[target]
                for s in p.lastSpikes { recordings[r].spikeSteps.append(t); recordings[r].spikeUnits.append(s) }
            case .modulator:
                recordings[r].values += n.modulators[target].levels
            case .weights:
                recordings[r].values += n.projections[target].weightValues
            }
            if probe.variable != .spikes { recordings[r].steps.append(t) }
        }
    }

    /// The recording of the probe named `name`.
    public func recording(_ name: String) -> Recording? { recordings.first { $0.probe.name == name } }
}
