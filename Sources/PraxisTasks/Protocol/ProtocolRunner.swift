import PraxisCircuit
import PraxisEngine

/// Runs one subject through a protocol: expands each block into trials (targets in
/// shuffled cycles or in sequence; catch trials and reward draws from the subject's own
/// schedule stream), applies a secondary task's attentional load, lets rests pass, and hands every finished
/// trial to a callback as soon as it ends (so a caller can store it before the next).
public struct ProtocolRunner {
    public let trainingProtocol: TrainingProtocol
    /// The tasks the protocol's blocks name (the catalog it was parsed with).
    public let catalog: TaskCatalog
    /// Which trials keep their hand path (by protocol-wide index).
    public var keepPath: @Sendable (Int) -> Bool = { _ in false }

    public init(_ trainingProtocol: TrainingProtocol, catalog: TaskCatalog = .standard) {
        self.trainingProtocol = trainingProtocol; self.catalog = catalog
    }

    /// Runs `subject` through the protocol with schedule stream `seed`, calling `onTrial`
    /// after each trial. Returns the number of trials run.
    @discardableResult
    public func run(_ subject: Subject, seed: UInt64, onTrial: (TrialRecord) throws -> Void) throws -> Int {
        var rng = RandomStream(seed: seed, stream: StreamID(.schedule, 0))
        // Drawn from a stream of its own, so adding it left every schedule as it was.
        var counterbalancing = RandomStream(seed: seed, stream: StreamID(.schedule, 1))
        let arrangement = Int(counterbalancing.nextWord() >> 1)
        var count = 0
        for step in trainingProtocol.steps {
            switch step {
            case .rest(let rest):
                for p in subject.circuit.network.projections { p.forget(seconds: rest.seconds) }
                subject.rest(seconds: rest.seconds)
            case .session(let session):
                for (b, block) in session.blocks.enumerated() {
                    count += try run(block, session: session.name, index: b, subject, &rng, arrangement: arrangement,
                                     onTrial: onTrial)
                }
            }
        }
        return count
    }

    private func run(_ block: Block, session: String, index: Int, _ subject: Subject, _ rng: inout RandomStream,
                     arrangement: Int, onTrial: (TrialRecord) throws -> Void) throws -> Int {
        guard let entry = catalog.entry(block.task) else { preconditionFailure("unknown task \(block.task)") }
        var task = entry.make()
        let acetylcholine = subject.circuit.network.modulators.first { $0.kind == .acetylcholine }
        let attention = acetylcholine?.tonic
        if let load = block.secondary?.load, let acetylcholine, let attention { acetylcholine.tonic = attention * Float(1 - load) }
        defer { if let acetylcholine, let attention { acetylcholine.tonic = attention } }

        let targets = block.targets ?? Array(0..<entry.targets)
        var cycle: [Int] = []
        var history: [Double] = [], historyTargets: [Int] = []
        let limit: Int
        switch block.length {
        case .trials(let n): limit = n
        case .untilCriterion(let c): limit = c.maxTrials
        }
        var done = 0
        while done < limit {
            if cycle.isEmpty {
                switch block.order {
                case .shuffled: cycle = targets; cycle.shuffle(using: &rng)
                case .sequence: cycle = targets.reversed()
                }
            }
            let target = cycle.removeLast()
            let isCatch = block.catchFraction > 0 && Double(rng.uniform()) < block.catchFraction
            let trial = Trial(target: target, perturbation: block.perturbation, isCatch: isCatch, feedback: block.feedback,
                              rewardProbability: block.rewardProbability(target), rewardDraw: Double(rng.uniform()),
                              arrangement: arrangement)
            var record = try subject.perform(trial, on: &task, keepPath: keepPath(subject.trialsDone))
            record.session = session
            record.block = index
            try onTrial(record)
            done += 1
            if case .untilCriterion(let c) = block.length {
                history.append(record.metrics[c.metric] ?? .nan)
                historyTargets.append(target)
                if c.isMet(by: history, targets: historyTargets) { break }
            }
        }
        return done
    }
}
