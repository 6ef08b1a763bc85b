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
    public var spikeTotals: [Int] { totals.array() }
    public private(set) var recordings: [Recording]

    // Flat per-phase work lists, built once. They hold unretained references: the simulator
    // keeps `network` alive, and turning a stored reference into a strong one for a call
    // costs a retain/release pair per element and step (measured: a fifth of a small
    // circuit's step). `guaranteed` lends them to a phase without that pair.
    private struct WorkItem {
        let population: Unmanaged<Population>
        let range: Range<Int>
    }
    private struct Transmission {
        let projection: Unmanaged<Projection>
        let source: Unmanaged<Population>
        let target: Unmanaged<Population>
    }
    /// A plastic projection with its rule's modulator or teacher resolved.
    private struct Learning {
        let projection: Unmanaged<Projection>
        let source: Unmanaged<Population>
        let target: Unmanaged<Population>
        unowned(unsafe) let modulator: Modulator?
        unowned(unsafe) let teacher: Population?
    }
    private struct Compaction {
        let population: Unmanaged<Population>
        let items: Range<Int>
    }
    private let items: [WorkItem]
    private let compactions: [Compaction]
    private let itemSpikeEnd: Buffer<Int>
    private let itemCheck: Buffer<Float>
    /// Transmissions grouped by target: group g is `transmissions[targetGroups[g]]`.
    private let transmissions: [Transmission]
    private let targetGroups: [Range<Int>]
    private let plastic: [Learning]
    private let modulators: [Unmanaged<Modulator>]
    private let totals: Buffer<Int>
    private let arena = Arena()
    /// Index of each probe's population, modulator or projection, resolved once.
    private let probeTargets: [Int]

    /// Minimum units per work item when a population is split across threads.
    static let minimumChunk = 2048

    public init(network: Network, threads: Int = 1) {
        self.network = network
        self.threads = max(1, threads)
        schedule = Schedule(network: network)
        var items: [WorkItem] = []
        var compactions: [Compaction] = []
        for p in network.populations {
            if case .constant = p.model { continue }
            let first = items.count
            let chunks = max(1, min(self.threads, p.padded / Simulator.minimumChunk))
            let per = padded8((p.padded + chunks - 1) / chunks)
            var lo = 0
            while lo < p.padded {
                let hi = min(p.padded, lo + per)
                items.append(WorkItem(population: .passUnretained(p), range: lo..<hi))
                lo = hi
            }
            // Only spiking populations have spikes to compact; rate units report none.
            if p.model.isSpiking { compactions.append(Compaction(population: .passUnretained(p), items: first..<items.count)) }
        }
        self.items = items
        self.compactions = compactions
        itemSpikeEnd = arena.buffer(count: items.count, value: 0)
        itemCheck = arena.buffer(count: items.count, value: Float(0))
        totals = arena.buffer(count: network.populations.count, value: 0)
        var transmissions: [Transmission] = [], groups: [Range<Int>] = []
        for target in network.populations where !network.incoming[target.index].isEmpty {
            let first = transmissions.count
            for j in network.incoming[target.index] {
                let projection = network.projections[j]
                transmissions.append(Transmission(projection: .passUnretained(projection),
                                                  source: .passUnretained(network.populations[projection.source]),
                                                  target: .passUnretained(target)))
            }
            groups.append(first..<transmissions.count)
        }
        self.transmissions = transmissions
        targetGroups = groups
        plastic = transmissions.filter { $0.projection.takeUnretainedValue().rule != nil }.map { x in
            let j = x.projection.takeUnretainedValue()
            var modulator: Modulator?, teacher: Population?
            switch j.learning {
            case .threeFactor, .hebbian: modulator = j.ruleSource >= 0 ? network.modulators[j.ruleSource] : nil
            case .climbingFibre: teacher = network.populations[j.ruleSource]
            default: break
            }
            return Learning(projection: x.projection, source: x.source, target: x.target, modulator: modulator, teacher: teacher)
        }
        modulators = network.modulators.map { .passUnretained($0) }
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

    /// Sets a population's external drive (the sense phase), one value per unit: excitatory
    /// drive scaled by the population's gain, held until changed.
    public func setExternal(_ population: Population, _ values: [Float]) {
        precondition(values.count == population.size, "external drive must have one value per unit")
        for (j, x) in values.enumerated() { population.external[j] = x }
        population.hasExternal = values.contains { $0 != 0 }
    }

    /// Sets the external drive of one unit (no allocation; for per-step use by mechanisms).
    /// Inlinable, so the per-unit calls of the critic and the body cost no call and no
    /// retain of the population.
    @inlinable
    public func setExternal(_ population: Population, unit: Int, _ value: Float) {
        precondition(unit >= 0 && unit < population.size, "unit out of range")
        population.external[unit] = value
        if value != 0 { population.hasExternal = true }
    }

    /// One step of the schedule.
    public func advance() throws(SimulationError) {
        let t = step

        // 1. modulate
        for k in 0..<modulators.count { modulators[k]._withUnsafeGuaranteedRef { $0.update() } }

        // 2. integrate
        if threads == 1 {
            for k in 0..<items.count { integrate(k, step: t) }
        } else {
            parallelFor(items.count, threads: threads) { self.integrate($0, step: t) }
        }
        // One pass over the work items' checksums finds a blow-up; the first bad item names
        // the population (items are in population order).
        var bad = false
        for k in 0..<items.count { bad = bad || !itemCheck[k].isFinite }
        if bad, let k = (0..<items.count).first(where: { !itemCheck[$0].isFinite }) {
            throw blowUp(items[k].population.takeUnretainedValue(), step: t)
        }
        for c in compactions {
            c.population._withUnsafeGuaranteedRef { p in
                var count = 0
                for k in c.items {
                    let lo = items[k].range.lowerBound, fired = itemSpikeEnd[k] - lo
                    if lo != count && fired > 0 { (p.spikes.base + count).update(from: p.spikes.base + lo, count: fired) }
                    count += fired
                }
                p.spikeCount = count
                totals[p.index] += count
            }
        }

        // 3. transmit
        if threads == 1 {
            for g in 0..<targetGroups.count { transmit(group: g, step: t) }
        } else {
            parallelFor(targetGroups.count, threads: threads) { self.transmit(group: $0, step: t) }
        }

        // 4. learn, 5. apply Δw
        if !plastic.isEmpty {
            if threads == 1 {
                for k in 0..<plastic.count { learn(k) }
                for k in 0..<plastic.count { plastic[k].projection._withUnsafeGuaranteedRef { Kernels.applyDeltaW($0) } }
            } else {
                parallelFor(plastic.count, threads: threads) { self.learn($0) }
                parallelFor(plastic.count, threads: threads) { k in
                    self.plastic[k].projection._withUnsafeGuaranteedRef { Kernels.applyDeltaW($0) }
                }
            }
        }

        // 6. record
        if !recordings.isEmpty { record(t) }
        step += 1
    }

    /// Integrate phase for work item `k` (a unit range of one population).
    @inline(__always)
    private func integrate(_ k: Int, step t: Int) {
        let item = items[k]
        item.population._withUnsafeGuaranteedRef { p in
            let slot = t & p.ringMask
            if !p.receptors.isEmpty || p.hasModulatoryInput {
                prepareGain(p, item.range, slot: slot)
            }
            let result: Kernels.KernelResult
            switch p.model {
            case .rate(let q): result = Kernels.integrateRate(p, q, item.range, slot: slot, step: t)
            case .lifCurrent(let q): result = Kernels.integrateLIFCurrent(p, q, item.range, slot: slot)
            case .lifConductance(let q): result = Kernels.integrateLIFConductance(p, q, item.range, slot: slot)
            case .izhikevich(let q): result = Kernels.integrateIzhikevich(p, q, item.range, slot: slot)
            case .poisson: result = Kernels.integratePoisson(p, item.range, step: t)
            case .pulseTrain(let q): result = Kernels.integratePulseTrain(p, q, item.range, step: t, dt: network.dt)
            case .constant: result = .init(check: 0, spikeEnd: item.range.lowerBound)
            }
            itemSpikeEnd[k] = result.spikeEnd
            itemCheck[k] = result.check
        }
    }

    /// Transmit phase for one target population's incoming projections, in spec order.
    @inline(__always)
    private func transmit(group g: Int, step t: Int) {
        for k in targetGroups[g] {
            let x = transmissions[k]
            guaranteed(x.projection, x.source, x.target) { Kernels.transmit($0, source: $1, target: $2, step: t) }
        }
    }

    /// Learn phase for plastic projection `k`.
    @inline(__always)
    private func learn(_ k: Int) {
        let x = plastic[k], dt = Float(network.dt)
        guaranteed(x.projection, x.source, x.target) {
            Kernels.learn($0, pre: $1, post: $2, modulator: x.modulator, teacher: x.teacher, dt: dt)
        }
    }

    /// Lends three unretained references to `body` without retaining them.
    @inline(__always)
    private func guaranteed<A: AnyObject, B: AnyObject, C: AnyObject>(
        _ a: Unmanaged<A>, _ b: Unmanaged<B>, _ c: Unmanaged<C>, _ body: (A, B, C) -> Void
    ) {
        a._withUnsafeGuaranteedRef { a in b._withUnsafeGuaranteedRef { b in c._withUnsafeGuaranteedRef { c in body(a, b, c) } } }
    }

    /// Per-unit effective excitatory gain for `range`:
    /// `gain · Π_receptors max(0, 1 + sign·k·level(channel(j))) · (1 + modulatory input)`.
    @inline(__always)
    private func prepareGain(_ p: Population, _ range: Range<Int>, slot: Int) {
        let g = p.unitGain.base
        for j in range { g[j] = p.gain }
        for r in p.receptors {
            let (level, channels) = modulators[r.modulator]._withUnsafeGuaranteedRef { ($0.level.base, $0.channels) }
            for j in range where j < p.size {
                let c = j * channels / p.size
                g[j] *= max(0, 1 + r.sign * r.sensitivity * level[c])
            }
        }
        if p.hasModulatoryInput {
            let mod = p.ringSlot(slot, 2)
            for j in range {
                g[j] *= max(0, 1 + mod[j])
                mod[j] = 0
            }
        }
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
                    recordings[r].values.append(contentsOf: UnsafeBufferPointer(start: p.output.base, count: p.size))
                }
            case .spikes:
                let p = n.populations[target]
                for s in p.lastSpikes { recordings[r].spikeSteps.append(t); recordings[r].spikeUnits.append(s) }
            case .modulator:
                let m = n.modulators[target]
                recordings[r].values.append(contentsOf: UnsafeBufferPointer(start: m.level.base, count: m.channels))
            case .weights:
                recordings[r].values += n.projections[target].weightValues
            }
            if probe.variable != .spikes { recordings[r].steps.append(t) }
        }
    }

    /// The recording of the probe named `name`.
    public func recording(_ name: String) -> Recording? { recordings.first { $0.probe.name == name } }

    /// Hands over what every probe has recorded since the last call and starts them afresh,
    /// so a long run can write its recordings out piece by piece (a trial at a time) instead
    /// of holding them all.
    public func drainRecordings() -> [Recording] {
        let drained = recordings
        for r in recordings.indices {
            recordings[r].steps.removeAll(keepingCapacity: true)
            recordings[r].values.removeAll(keepingCapacity: true)
            recordings[r].spikeSteps.removeAll(keepingCapacity: true)
            recordings[r].spikeUnits.removeAll(keepingCapacity: true)
        }
        return drained
    }
}
