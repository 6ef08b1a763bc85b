/// A schedule of practice without code: sessions of blocks of trials, and rests between
/// them. Read from YAML by `ProtocolFile` (grammar in `docs/protocol-file.md`).
public struct TrainingProtocol: Sendable, Equatable {
    public var name: String
    public var steps: [ProtocolStep]
    public init(name: String, steps: [ProtocolStep]) { self.name = name; self.steps = steps }

    /// The sessions, in order.
    public var sessions: [Session] {
        steps.compactMap { if case .session(let s) = $0 { s } else { nil } }
    }
}

/// One entry of a protocol: a session of practice or a rest.
public enum ProtocolStep: Sendable, Equatable {
    case session(Session)
    case rest(Rest)
}

/// A session: blocks run back to back, optionally on a named day.
public struct Session: Sendable, Equatable {
    public var name: String
    /// Day of the study (1 = first); nil when the protocol does not say.
    public var day: Int?
    public var blocks: [Block]
    public init(name: String, day: Int? = nil, blocks: [Block]) { self.name = name; self.day = day; self.blocks = blocks }
}

/// An interval without practice. The off-line consolidation mechanisms read its length
/// and state; until they arrive, the labile stores forget over it (`Projection.forget`).
public struct Rest: Sendable, Equatable {
    public var seconds: Double
    public var asleep: Bool
    public init(seconds: Double, asleep: Bool = false) { self.seconds = seconds; self.asleep = asleep }
}

/// A block of trials of one task with one set of conditions.
public struct Block: Sendable, Equatable {
    /// Task name as in the `TaskCatalog` the protocol was parsed with (`center-out`, `pavlovian`, `lever`).
    public var task: String
    public var length: BlockLength
    /// Targets (cues, options, keys); nil means all the task's targets.
    public var targets: [Int]?
    /// Whether `targets` are drawn in shuffled cycles or presented in their listed order,
    /// repeating (a sequence, as in the serial reaction time task).
    public var order: TargetOrder
    public var perturbation: Perturbation
    /// Fraction of trials whose perturbation is withheld (0 ≤ f < 1).
    public var catchFraction: Double
    public var feedback: Feedback
    /// Probability that a successful trial is rewarded, per target (one value: all targets).
    public var rewardProbabilities: [Double]?
    /// A concurrent task competing for attention; nil when none.
    public var secondary: SecondaryTask?
    public init(task: String, length: BlockLength, targets: [Int]? = nil, order: TargetOrder = .shuffled, perturbation: Perturbation = .none,
                catchFraction: Double = 0, feedback: Feedback = .vector, rewardProbabilities: [Double]? = nil,
                secondary: SecondaryTask? = nil) {
        self.task = task; self.length = length; self.targets = targets; self.order = order; self.perturbation = perturbation
        self.catchFraction = catchFraction; self.feedback = feedback
        self.rewardProbabilities = rewardProbabilities; self.secondary = secondary
    }

    /// The reward probability of target `k` (1 when the block does not say).
    public func rewardProbability(_ k: Int) -> Double {
        guard let p = rewardProbabilities, !p.isEmpty else { return 1 }
        return p.count == 1 ? p[0] : (k < p.count ? p[k] : 1)
    }
}

/// The order in which a block presents its targets.
public enum TargetOrder: String, Sendable, Equatable, CaseIterable {
    /// Every target once per cycle, each cycle shuffled from the subject's schedule stream.
    case shuffled
    /// The listed targets in order, repeating.
    case sequence
}

/// How long a block runs.
public enum BlockLength: Sendable, Equatable {
    case trials(Int)
    case untilCriterion(Criterion)
}

/// Repeat until the mean of `metric` over the last `window` trials reaches a bound, or
/// until `maxTrials`. With `perTarget` bounds each listed target's own trials in the window
/// must reach its bound as well (Frank et al. 2004 trained until AB ≥ 65 %, CD ≥ 60 % and
/// EF ≥ 50 % of better choices). With `every` above 1 the criterion is checked only after
/// every `every`-th trial of the block (Frank et al. checked it after each block of 60).
public struct Criterion: Sendable, Equatable {
    /// A lower bound on the mean of the metric over one target's trials.
    public struct TargetBound: Sendable, Equatable {
        public var target: Int
        public var atLeast: Double
        public init(target: Int, atLeast: Double) { self.target = target; self.atLeast = atLeast }
    }
    public var metric: String
    public var atLeast: Double?
    public var atMost: Double?
    public var perTarget: [TargetBound]
    public var window: Int
    public var maxTrials: Int
    /// The criterion is checked after every `every`-th trial of the block (1: after each).
    public var every: Int
    public init(metric: String, atLeast: Double? = nil, atMost: Double? = nil, perTarget: [TargetBound] = [],
                window: Int, maxTrials: Int, every: Int = 1) {
        self.metric = metric; self.atLeast = atLeast; self.atMost = atMost; self.perTarget = perTarget
        self.window = window; self.maxTrials = maxTrials; self.every = every
    }

    /// Whether the recent values `values` (most recent last) of trials on `targets` (same
    /// order; needed only with per-target bounds) meet the criterion. Trials where the
    /// metric does not apply (absent, NaN) do not count; a window, or a target's part of
    /// it, without any trial where it applies does not meet the criterion; nor does a
    /// count of trials that is not a multiple of `every`.
    public func isMet(by values: [Double], targets: [Int] = []) -> Bool {
        guard values.count >= window, values.count % every == 0 else { return false }
        let recent = values.suffix(window)
        if atLeast != nil || atMost != nil {
            guard let mean = Self.mean(recent) else { return false }
            if let lo = atLeast, mean < lo { return false }
            if let hi = atMost, mean > hi { return false }
        }
        if !perTarget.isEmpty {
            precondition(targets.count == values.count, "per-target bounds need each value's target")
            let recentTargets = targets.suffix(window)
            for bound in perTarget {
                let own = zip(recentTargets, recent).filter { $0.0 == bound.target }.map(\.1)
                guard let mean = Self.mean(own), mean >= bound.atLeast else { return false }
            }
        }
        return true
    }

    private static func mean<C: Collection<Double>>(_ values: C) -> Double? {
        let applicable = values.filter(\.isFinite)
        return applicable.isEmpty ? nil : applicable.reduce(0, +) / Double(applicable.count)
    }
}

/// A concurrent secondary task (e.g. counting tones, Wu et al. 2004): it takes a fraction
/// `load` of attention, which lowers the acetylcholine available to the explicit stores.
public struct SecondaryTask: Sendable, Equatable {
    public var task: String
    public var load: Double
    public init(task: String, load: Double) { self.task = task; self.load = load }
}
