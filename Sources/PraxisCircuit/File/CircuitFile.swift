import Foundation
import PraxisEngine
import Yams

/// Loads circuit files (YAML). Every problem — a YAML syntax error, an unknown key, a wrong
/// type, an unknown region or population, a pathway to nowhere, a negative delay — is
/// reported with file, line, column and field, and nothing is built.
public enum CircuitFile {
    /// Parses and validates `text`; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(FileErrors) -> CircuitSpec {
        let root = try YAMLReader.compose(text, file: file)
        var r = YAMLReader(file: file)
        // Cross-references are checked even when some fields failed, so one pass reports all;
        // the engine's own parameter checks run only on an otherwise clean file.
        if let spec = Parser.circuit(root, &r) {
            Parser.check(spec, root: root, &r)
            if r.errors.isEmpty { return spec }
        }
        throw FileErrors(errors: r.errors)
    }

    /// The default circuit shipped with Praxis (`Resources/default-circuit.yaml`).
    public static func defaultText() -> String {
        guard let url = Bundle.module.url(forResource: "default-circuit", withExtension: "yaml"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            preconditionFailure("the default circuit resource is missing from the bundle")
        }
        return text
    }

    /// The default circuit, parsed.
    public static func defaultCircuit() -> CircuitSpec {
        do { return try parse(defaultText(), file: "default-circuit.yaml") } catch {
            preconditionFailure("the shipped default circuit is invalid:\n\(error)")
        }
    }

}

/// The grammar of circuit files; see `docs/circuit-file.md`.
enum Parser {
    static func circuit(_ root: Node, _ r: inout YAMLReader) -> CircuitSpec? {
        guard let m = r.mapping(root, "circuit", allowed: ["name", "dt_ms", "channels", "modulators", "regions", "pathways", "critic"],
                                required: ["name", "dt_ms", "channels", "regions", "pathways"]) else { return nil }
        let name = m["name"].flatMap { r.string($0, "name") } ?? "circuit"
        let dt = m["dt_ms"].flatMap { r.number($0, "dt_ms") } ?? 1
        if let n = m["dt_ms"], dt <= 0 { r.fail(n, "dt_ms", "must be positive, got \(dt)") }
        let channels = m["channels"].flatMap { r.integer($0, "channels") } ?? 1
        if let n = m["channels"], channels < 1 { r.fail(n, "channels", "must be at least 1, got \(channels)") }
        var modulators: [NeuromodulatorSpec] = []
        if let list = m["modulators"].flatMap({ r.sequence($0, "modulators") }) {
            for (i, node) in list.enumerated() { if let x = modulator(node, "modulators[\(i)]", &r) { modulators.append(x) } }
        }
        var regions: [RegionEntry] = []
        if let list = m["regions"].flatMap({ r.sequence($0, "regions") }) {
            for (i, node) in list.enumerated() {
                if let x = region(node, "regions[\(i)]", channels: channels, &r) { regions.append(x) }
            }
        }
        var pathways: [Pathway] = []
        if let list = m["pathways"].flatMap({ r.sequence($0, "pathways") }) {
            for (i, node) in list.enumerated() { if let x = pathway(node, "pathways[\(i)]", &r) { pathways.append(x) } }
        }
        var spec = CircuitSpec(name: name, dtMs: dt, channels: channels, modulators: modulators, regions: regions, pathways: pathways)
        if let n = m["critic"] { spec.critic = critic(n, "critic", &r) }
        return spec
    }

    static func critic(_ node: Node, _ f: String, _ r: inout YAMLReader) -> CriticParameters {
        var c = CriticParameters()
        guard let m = r.mapping(node, f, allowed: ["bin_ms", "bins", "latency_ms", "learning_rate", "trace_ms", "discount_s", "cues", "dopamine_gain", "reward_ms", "max_weight"]) else { return c }
        func positive(_ key: String) -> Double? {
            guard let n = m[key], let v = r.number(n, "\(f).\(key)") else { return nil }
            if !(v > 0) { r.fail(n, "\(f).\(key)", "must be positive, got \(v)"); return nil }
            return v
        }
        if let v = positive("bin_ms") { c.binMs = v }
        if let v = positive("bins") { c.bins = Int(v) }
        if let n = m["latency_ms"], let v = r.number(n, "\(f).latency_ms") {
            if v < 0 { r.fail(n, "\(f).latency_ms", "must not be negative, got \(v)") } else { c.latencyMs = v }
        }
        if let v = positive("learning_rate") { c.learningRate = v }
        if let v = positive("trace_ms") { c.traceMs = v }
        if let v = positive("discount_s") { c.discountS = v }
        if let v = positive("cues") { c.cues = Int(v) }
        if let v = positive("dopamine_gain") { c.dopamineGain = v }
        if let v = positive("reward_ms") { c.rewardMs = v }
        if let v = positive("max_weight") { c.maxWeight = v }
        return c
    }

    static func modulator(_ node: Node, _ f: String, _ r: inout YAMLReader) -> NeuromodulatorSpec? {
        guard let m = r.mapping(node, f, allowed: ["name", "kind", "tonic", "phasic_tau_ms", "dip_tau_ms", "burst_gain", "dip_gain", "channels", "vulnerability"],
                                required: ["name", "kind", "tonic"]) else { return nil }
        guard let name = m["name"].flatMap({ r.string($0, "\(f).name") }),
              let kind = m["kind"].flatMap({ r.choice($0, "\(f).kind", ["dopamine": NeuromodulatorSpec.Kind.dopamine, "acetylcholine": .acetylcholine]) }),
              let tonic = m["tonic"].flatMap({ r.number($0, "\(f).tonic") }) else { return nil }
        var spec = NeuromodulatorSpec(name: name, kind: kind, tonic: Float(tonic))
        r.set(&spec.phasicTauS, m, "phasic_tau_ms", f, per: 1000)
        spec.dipTauS = spec.phasicTauS
        r.set(&spec.dipTauS, m, "dip_tau_ms", f, per: 1000)
        r.set(&spec.burstGain, m, "burst_gain", f)
        r.set(&spec.dipGain, m, "dip_gain", f)
        if let n = m["channels"], let v = r.integer(n, "\(f).channels") { spec.channels = v }
        if let n = m["vulnerability"], let v = r.number(n, "\(f).vulnerability") {
            if kind != .dopamine {
                r.fail(n, "\(f).vulnerability", "applies to dopamine fields only (the fraction of an SNc loss their source suffers)")
            } else if !(v >= 0 && v <= 1) {
                r.fail(n, "\(f).vulnerability", "must be in [0, 1] (a fraction of the SNc loss), got \(v)")
            } else {
                spec.vulnerability = Float(v)
            }
        }
        return spec
    }

    static func region(_ node: Node, _ f: String, channels: Int, _ r: inout YAMLReader) -> RegionEntry? {
        guard let m = r.mapping(node, f, allowed: ["region", "name", "system", "hemisphere", "mni", "role", "populations"],
                                required: ["region", "populations"]) else { return nil }
        guard let abbreviation = m["region"].flatMap({ r.string($0, "\(f).region") }) else { return nil }
        var region: Region
        if let known = RegionCatalog.region(abbreviation) {
            region = known
        } else if m["name"] != nil && m["system"] != nil && m["mni"] != nil {
            region = Region(abbreviation, "", .cortex, .left, .init(0, 0, 0), source: "user", role: "")
        } else {
            r.fail(m["region"], "\(f).region",
                   "unknown region '\(abbreviation)'; use one of \(RegionCatalog.standard.map(\.abbreviation).joined(separator: ", ")) or give name, system and mni")
            return nil
        }
        if let n = m["name"], let v = r.string(n, "\(f).name") { region.name = v }
        if let n = m["role"], let v = r.string(n, "\(f).role") { region.role = v }
        if let n = m["system"], let v = r.choice(n, "\(f).system", Dictionary(uniqueKeysWithValues: Region.System.allCases.map { ($0.rawValue, $0) })) { region.system = v }
        if let n = m["hemisphere"], let v = r.choice(n, "\(f).hemisphere", ["left": Region.Hemisphere.left, "right": .right, "midline": .midline]) { region.hemisphere = v }
        if let n = m["mni"], let list = r.sequence(n, "\(f).mni") {
            let xyz = list.compactMap { r.number($0, "\(f).mni") }
            if xyz.count == 3 { region.mni = .init(xyz[0], xyz[1], xyz[2]) } else { r.fail(n, "\(f).mni", "expected [x, y, z] in mm") }
        }
        var populations: [PopulationEntry] = []
        if let list = m["populations"].flatMap({ r.sequence($0, "\(f).populations") }) {
            for (i, p) in list.enumerated() {
                if let x = population(p, "\(f).populations[\(i)]", region: abbreviation, channels: channels, &r) { populations.append(x) }
            }
        }
        return RegionEntry(region: region, populations: populations)
    }

    static let models = ["rate", "lif-current", "lif-conductance", "izhikevich", "poisson", "constant", "pulse-train"]

    static func population(_ node: Node, _ f: String, region: String, channels: Int, _ r: inout YAMLReader) -> PopulationEntry? {
        guard let m = r.mapping(node, f, allowed: [
            "name", "model", "units", "per_channel", "gain", "receptors", "tau_ms", "transfer", "threshold", "slope",
            "max", "bias", "noise", "signal_noise", "adaptation", "adaptation_ms", "initial", "preset", "rate_hz", "value", "frequency_hz", "amplitude", "width_ms",
        ], required: ["name", "model"]) else { return nil }
        guard let name = m["name"].flatMap({ r.string($0, "\(f).name") }),
              let kind = m["model"].flatMap({ r.choice($0, "\(f).model", Dictionary(uniqueKeysWithValues: models.map { ($0, $0) })) }) else { return nil }
        func num(_ key: String, _ fallback: Double) -> Double {
            m[key].flatMap { r.number($0, "\(f).\(key)") } ?? fallback
        }
        var size = 1
        var perChannel: Int?
        switch (m["units"], m["per_channel"]) {
        case (let u?, nil): size = r.integer(u, "\(f).units") ?? 1
        case (nil, let k?): perChannel = r.integer(k, "\(f).per_channel") ?? 1; size = channels * (perChannel ?? 1)
        case (.some, .some): r.fail(node, "\(f).units", "give either units or per_channel, not both")
        case (nil, nil): r.fail(node, "\(f).units", "missing required key 'units' (or 'per_channel')")
        }
        if size < 1 { r.fail(m["units"] ?? m["per_channel"], "\(f).units", "must be at least 1, got \(size)") }
        let model: NeuronModel
        switch kind {
        case "rate":
            var transfer = Transfer.thresholdLinear()
            let threshold = Float(num("threshold", 0)), slope = Float(num("slope", 1))
            if let t = m["transfer"] {
                switch r.choice(t, "\(f).transfer", ["linear": 0, "threshold-linear": 1, "sigmoid": 2, "tanh": 3]) {
                case 0: transfer = .linear(slope: slope)
                case 2: transfer = .sigmoid(threshold: threshold, slope: slope, max: Float(num("max", 1)))
                case 3: transfer = .tanh(threshold: threshold, slope: slope)
                default: transfer = .thresholdLinear(threshold: threshold, slope: slope, max: Float(num("max", .infinity)))
                }
            } else {
                transfer = .thresholdLinear(threshold: threshold, slope: slope, max: Float(num("max", .infinity)))
            }
            model = .rate(RateParameters(tauS: Float(num("tau_ms", 10) / 1000), transfer: transfer, bias: Float(num("bias", 0)),
                                         noiseSD: Float(num("noise", 0)), initialState: Float(num("initial", 0)),
                                         signalNoise: Float(num("signal_noise", 0)), adaptationStrength: Float(num("adaptation", 0)),
                                         adaptationTauS: Float(num("adaptation_ms", 500) / 1000)))
        case "lif-current":
            model = .lifCurrent(LIFCurrentParameters(tauMS: Float(num("tau_ms", 20) / 1000), biasV: Float(num("bias", 0) / 1000)))
        case "lif-conductance":
            model = .lifConductance(LIFConductanceParameters(tauMS: Float(num("tau_ms", 20) / 1000), biasV: Float(num("bias", 0) / 1000)))
        case "izhikevich":
            let presets: [String: IzhikevichParameters] = ["RS": .regularSpiking, "IB": .intrinsicallyBursting, "CH": .chattering,
                                                            "FS": .fastSpiking, "LTS": .lowThresholdSpiking]
            var p = m["preset"].flatMap { r.choice($0, "\(f).preset", presets) } ?? .regularSpiking
            p.bias = Float(num("bias", 0))
            model = .izhikevich(p)
        case "poisson":
            model = .poisson(PoissonParameters(rateHz: Float(num("rate_hz", 0))))
        case "constant":
            model = .constant(ConstantParameters(value: Float(num("value", 0))))
        default:
            model = .pulseTrain(PulseTrainParameters(frequencyHz: Float(num("frequency_hz", 130)), amplitude: Float(num("amplitude", 1)),
                                                     pulseWidthMs: Float(num("width_ms", 0.09))))
        }
        var receptors: [ReceptorBinding] = []
        if let list = m["receptors"].flatMap({ r.sequence($0, "\(f).receptors") }) {
            for (i, n) in list.enumerated() {
                let g = "\(f).receptors[\(i)]"
                guard let rm = r.mapping(n, g, allowed: ["modulator", "receptor", "sensitivity"], required: ["modulator", "receptor", "sensitivity"]),
                      let mod = rm["modulator"].flatMap({ r.string($0, "\(g).modulator") }),
                      let cls = rm["receptor"].flatMap({ r.choice($0, "\(g).receptor", Dictionary(uniqueKeysWithValues: ReceptorClass.allCases.map { ($0.rawValue, $0) })) }),
                      let k = rm["sensitivity"].flatMap({ r.number($0, "\(g).sensitivity") }) else { continue }
                receptors.append(ReceptorBinding(modulator: mod, receptor: cls, sensitivity: Float(k)))
            }
        }
        var entry = PopulationEntry(name: name, region: region, model: model, size: max(1, size), perChannel: perChannel,
                                    gain: Float(num("gain", 1)), receptors: receptors)
        entry.line = node.mark?.line ?? 0
        return entry
    }

    static func pathway(_ node: Node, _ f: String, _ r: inout YAMLReader) -> Pathway? {
        guard let m = r.mapping(node, f, allowed: ["name", "from", "to", "sign", "pattern", "weight", "delay_ms", "scale", "rule",
                                                   "modulator", "receptor", "sensitivity"],
                                required: ["from", "to", "sign"]) else { return nil }
        guard let from = m["from"].flatMap({ r.string($0, "\(f).from") }),
              let to = m["to"].flatMap({ r.string($0, "\(f).to") }),
              let sign = m["sign"].flatMap({ r.choice($0, "\(f).sign", ["excitatory": Receptor.excitatory, "inhibitory": .inhibitory, "modulatory": .modulatory, "gain": .modulatory]) })
        else { return nil }
        var pattern = Pathway.Pattern.dense
        if let n = m["pattern"] {
            if let pm = n.mapping {
                if let pn = pm["random"], let p = r.number(pn, "\(f).pattern.random") {
                    if !(p > 0 && p <= 1) { r.fail(pn, "\(f).pattern.random", "probability must be in (0, 1], got \(p)") }
                    pattern = .random(p: p)
                } else { r.fail(n, "\(f).pattern", "expected dense, diffuse, one-to-one, opposite, channelwise, cross-channel, pair, cosine, surround or {random: p}") }
            } else if let v = r.choice(n, "\(f).pattern", ["dense": Pathway.Pattern.dense, "diffuse": .dense, "one-to-one": .oneToOne, "opposite": .opposite,
                                                            "channelwise": .channelwise, "cross-channel": .crossChannel, "pair": .pair, "cosine": .cosine, "surround": .surround]) {
                pattern = v
            }
        }
        var weight = WeightInit.constant(1)
        if let n = m["weight"] {
            if let wm = n.mapping {
                if let u = wm["uniform"], let l = r.sequence(u, "\(f).weight.uniform"), l.count == 2,
                   let a = r.number(l[0], "\(f).weight.uniform"), let b = r.number(l[1], "\(f).weight.uniform") {
                    weight = .uniform(low: Float(a), high: Float(b))
                } else if let u = wm["normal"], let l = r.sequence(u, "\(f).weight.normal"), l.count == 2,
                          let a = r.number(l[0], "\(f).weight.normal"), let b = r.number(l[1], "\(f).weight.normal") {
                    weight = .normal(mean: Float(a), sd: Float(b))
                } else { r.fail(n, "\(f).weight", "expected a number, {uniform: [low, high]} or {normal: [mean, sd]}") }
            } else if let w = r.number(n, "\(f).weight") { weight = .constant(Float(w)) }
        }
        let delay = m["delay_ms"].flatMap { r.number($0, "\(f).delay_ms") } ?? 1
        if delay < 0 { r.fail(m["delay_ms"], "\(f).delay_ms", "must not be negative, got \(delay)") }
        let scale = m["scale"].flatMap { r.number($0, "\(f).scale") } ?? 1
        var rule: PlasticityRule?
        if let n = m["rule"] { rule = Parser.rule(n, "\(f).rule", &r) }
        var p = Pathway(name: m["name"].flatMap { r.string($0, "\(f).name") } ?? "\(from)→\(to)", source: from, target: to,
                        sign: sign, pattern: pattern, weight: weight, delayMs: delay, scale: Float(scale), rule: rule)
        p.modulator = m["modulator"].flatMap { r.string($0, "\(f).modulator") }
        p.receptor = m["receptor"].flatMap { r.choice($0, "\(f).receptor", Dictionary(uniqueKeysWithValues: ReceptorClass.allCases.map { ($0.rawValue, $0) })) }
        p.sensitivity = m["sensitivity"].flatMap { r.number($0, "\(f).sensitivity") }.map(Float.init)
        if m["sign"]?.string == "gain" {
            // A gain pathway acts through its source's activity, not through a neuromodulator.
            for key in ["modulator", "receptor", "sensitivity"] where m[key] != nil {
                r.fail(m[key], "\(f).\(key)", "a gain pathway scales its target by its source's activity and takes no \(key)")
            }
            p.modulator = nil; p.receptor = nil; p.sensitivity = nil
        } else if sign == .modulatory && (p.modulator == nil || p.receptor == nil || p.sensitivity == nil) {
            r.fail(node, "\(f).modulator", "a modulatory pathway needs modulator, receptor and sensitivity")
        }
        p.line = node.mark?.line ?? 0
        return p
    }

    static func rule(_ node: Node, _ f: String, _ r: inout YAMLReader) -> PlasticityRule? {
        guard let outer = r.mapping(node, f, allowed: ["three-factor", "climbing-fibre", "hebbian", "oja", "stdp"]), outer.count == 1,
              let (kind, body) = outer.first else {
            r.fail(node, f, "expected exactly one of three-factor, climbing-fibre, hebbian, oja, stdp"); return nil
        }
        let g = "\(f).\(kind)"
        switch kind {
        case "three-factor":
            guard let m = r.mapping(body, g, allowed: ["modulator", "sign", "rate", "rise_ms", "decay_ms", "min", "max", "eligibility", "burst", "dip", "multiplicative", "soft_bounds", "affinity"],
                                    required: ["modulator", "sign", "rate"]) else { return nil }
            guard let mod = m["modulator"].flatMap({ r.string($0, "\(g).modulator") }),
                  let sign = m["sign"].flatMap({ r.number($0, "\(g).sign") }),
                  let rate = m["rate"].flatMap({ r.number($0, "\(g).rate") }) else { return nil }
            var x = ThreeFactorRule(modulator: mod, sign: Float(sign), learningRate: Float(rate))
            r.set(&x.traceRiseS, m, "rise_ms", g, per: 1000)
            r.set(&x.traceDecayS, m, "decay_ms", g, per: 1000)
            r.set(&x.minWeight, m, "min", g)
            r.set(&x.maxWeight, m, "max", g)
            if let n = m["eligibility"], let v = r.choice(n, "\(g).eligibility", ["pre-post": ThreeFactorRule.Eligibility.prePost, "pre": .pre]) { x.eligibility = v }
            r.set(&x.burstSensitivity, m, "burst", g)
            r.set(&x.dipSensitivity, m, "dip", g)
            if let n = m["multiplicative"], let v = r.boolean(n, "\(g).multiplicative") { x.multiplicative = v }
            if let n = m["soft_bounds"], let v = r.boolean(n, "\(g).soft_bounds") { x.softBounds = v }
            if let n = m["affinity"], let v = r.number(n, "\(g).affinity") { x.affinity = Float(v) }
            return .threeFactor(x)
        case "climbing-fibre":
            guard let m = r.mapping(body, g, allowed: ["teacher", "ltd", "ltp", "rise_ms", "decay_ms", "min", "max"],
                                    required: ["teacher", "ltd", "ltp"]) else { return nil }
            guard let teacher = m["teacher"].flatMap({ r.string($0, "\(g).teacher") }),
                  let ltd = m["ltd"].flatMap({ r.number($0, "\(g).ltd") }),
                  let ltp = m["ltp"].flatMap({ r.number($0, "\(g).ltp") }) else { return nil }
            var x = ClimbingFibreRule(teacher: teacher, ltdRate: Float(ltd), ltpRate: Float(ltp))
            r.set(&x.windowRiseS, m, "rise_ms", g, per: 1000)
            r.set(&x.windowDecayS, m, "decay_ms", g, per: 1000)
            r.set(&x.minWeight, m, "min", g)
            r.set(&x.maxWeight, m, "max", g)
            return .climbingFibre(x)
        case "hebbian":
            guard let m = r.mapping(body, g, allowed: ["rate", "budget", "modulator", "forget_per_s", "mean_ms", "min", "max"], required: ["rate"]),
                  let rate = m["rate"].flatMap({ r.number($0, "\(g).rate") }) else { return nil }
            var x = HebbianRule(learningRate: Float(rate))
            r.set(&x.budget, m, "budget", g)
            if let n = m["modulator"], let v = r.string(n, "\(g).modulator") { x.modulator = v }
            r.set(&x.forgettingPerS, m, "forget_per_s", g)
            if let n = m["mean_ms"], let v = r.number(n, "\(g).mean_ms") {
                if v > 0 { x.meanS = Float(v / 1000) } else { r.fail(n, "\(g).mean_ms", "must be > 0 ms, got \(v)") }
            }
            r.set(&x.minWeight, m, "min", g)
            r.set(&x.maxWeight, m, "max", g)
            return .hebbian(x)
        case "oja":
            guard let m = r.mapping(body, g, allowed: ["rate", "min", "max"], required: ["rate"]),
                  let rate = m["rate"].flatMap({ r.number($0, "\(g).rate") }) else { return nil }
            var x = OjaRule(learningRate: Float(rate))
            r.set(&x.minWeight, m, "min", g)
            r.set(&x.maxWeight, m, "max", g)
            return .oja(x)
        default:
            guard let m = r.mapping(body, g, allowed: ["a_plus", "a_minus", "tau_plus_ms", "tau_minus_ms", "min", "max"]) else { return nil }
            var x = STDPRule()
            r.set(&x.aPlus, m, "a_plus", g)
            r.set(&x.aMinus, m, "a_minus", g)
            r.set(&x.tauPlusS, m, "tau_plus_ms", g, per: 1000)
            r.set(&x.tauMinusS, m, "tau_minus_ms", g, per: 1000)
            r.set(&x.minWeight, m, "min", g)
            r.set(&x.maxWeight, m, "max", g)
            return .stdp(x)
        }
    }
}
