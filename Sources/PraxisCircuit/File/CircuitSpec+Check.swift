import PraxisEngine
import Yams

extension Parser {
    /// How a population's units are declared, for messages.
    static func layout(_ p: PopulationEntry) -> String { p.perChannel.map { "per_channel: \($0)" } ?? "units: \(p.size)" }

    /// Cross-references: names unique, pathways between existing populations, modulators and
    /// teachers that exist, channel structure where a pattern needs it; then the engine's own
    /// validation of the built network, each problem placed at its element's line.
    static func check(_ spec: CircuitSpec, root: Node, _ r: inout YAMLReader) {
        let pathwayNodes = root.mapping?["pathways"]?.sequence.map(Array.init) ?? []
        let regionNodes = root.mapping?["regions"]?.sequence.map(Array.init) ?? []
        var populationNodes: [String: Node] = [:]
        var sizes: [String: PopulationEntry] = [:]
        let modulators = Set(spec.modulators.map(\.name))
        var regionSeen = Set<String>()
        for (ri, entry) in spec.regions.enumerated() {
            let node = ri < regionNodes.count ? regionNodes[ri] : root
            if !regionSeen.insert(entry.region.abbreviation).inserted {
                r.fail(node, "regions[\(ri)].region", "region '\(entry.region.abbreviation)' is listed twice")
            }
            let popNodes = node.mapping?["populations"]?.sequence.map(Array.init) ?? []
            for (pi, p) in entry.populations.enumerated() {
                let pn = pi < popNodes.count ? popNodes[pi] : node
                let f = "regions[\(ri)].populations[\(pi)]"
                if sizes[p.name] != nil { r.fail(pn.mapping?["name"] ?? pn, "\(f).name", "population '\(p.name)' is defined twice") }
                sizes[p.name] = p
                populationNodes[p.name] = pn
                for (k, b) in p.receptors.enumerated() where !modulators.contains(b.modulator) {
                    r.fail(pn.mapping?["receptors"] ?? pn, "\(f).receptors[\(k)].modulator", "unknown neuromodulator '\(b.modulator)'")
                }
            }
        }
        let names = sizes.keys.sorted().joined(separator: ", ")
        var pathwayNames = Set<String>()
        for (i, p) in spec.pathways.enumerated() {
            let node = i < pathwayNodes.count ? pathwayNodes[i] : root
            let f = "pathways[\(i)]"
            let m = node.mapping
            if !pathwayNames.insert(p.name).inserted { r.fail(m?["name"] ?? node, "\(f).name", "pathway '\(p.name)' is defined twice") }
            let src = sizes[p.source], dst = sizes[p.target]
            if src == nil { r.fail(m?["from"] ?? node, "\(f).from", "unknown population '\(p.source)'; populations are: \(names)") }
            if dst == nil { r.fail(m?["to"] ?? node, "\(f).to", "pathway to nowhere: unknown population '\(p.target)'; populations are: \(names)") }
            if let mod = p.modulator, !modulators.contains(mod) { r.fail(m?["modulator"] ?? node, "\(f).modulator", "unknown neuromodulator '\(mod)'") }
            if let src, let dst {
                switch p.pattern {
                case .channelwise where src.perChannel == nil || dst.perChannel == nil:
                    r.fail(m?["pattern"] ?? node, "\(f).pattern", "channelwise needs both populations declared with per_channel")
                case .crossChannel where src.perChannel == nil || dst.perChannel == nil:
                    r.fail(m?["pattern"] ?? node, "\(f).pattern", "cross-channel needs both populations declared with per_channel")
                case .pair where src.perChannel == nil || dst.perChannel != spec.channels:
                    r.fail(m?["pattern"] ?? node, "\(f).pattern", "pair needs a source declared with per_channel and a target with per_channel: \(spec.channels) (one unit per channel and channel); got \(Self.layout(src)) → \(Self.layout(dst))")
                case .oneToOne where src.size != dst.size:
                    r.fail(m?["pattern"] ?? node, "\(f).pattern", "one-to-one needs equal sizes, got \(src.size) → \(dst.size)")
                case .cosine, .surround, .opposite, .crossChannel, .pair:
                    if case .constant = p.weight {} else {
                        r.fail(m?["weight"] ?? node, "\(f).weight", "cosine, surround, opposite, cross-channel and pair pathways take a number, not drawn weights")
                    }
                    if p.pattern == .opposite && (src.size != dst.size || src.size % 2 != 0) {
                        r.fail(m?["pattern"] ?? node, "\(f).pattern", "opposite needs equal even sizes, got \(src.size) → \(dst.size)")
                    }
                default: break
                }
            }
            switch p.rule {
            case .threeFactor(let x)? where !modulators.contains(x.modulator):
                r.fail(m?["rule"] ?? node, "\(f).rule.three-factor.modulator", "unknown neuromodulator '\(x.modulator)'")
            case .hebbian(let x)? where x.modulator.map({ !modulators.contains($0) }) ?? false:
                r.fail(m?["rule"] ?? node, "\(f).rule.hebbian.modulator", "unknown neuromodulator '\(x.modulator ?? "")'")
            case .climbingFibre(let x)? where sizes[x.teacher] == nil:
                r.fail(m?["rule"] ?? node, "\(f).rule.climbing-fibre.teacher", "unknown population '\(x.teacher)'")
            default: break
            }
        }
        guard r.errors.isEmpty else { return }
        // The engine checks parameters (time constants, sizes, bounds …); place each at its line.
        for problem in spec.network().problems() {
            let node: Node
            let field: String
            if let name = quoted(problem.element), problem.element.hasPrefix("projection"),
               let i = spec.pathways.firstIndex(where: { $0.name == name }) {
                node = i < pathwayNodes.count ? pathwayNodes[i] : root
                field = "pathways[\(i)] (\(problem.field))"
            } else if let name = quoted(problem.element), problem.element.hasPrefix("population"), let pn = populationNodes[name] {
                node = pn; field = "population \(name) (\(problem.field))"
            } else {
                node = root; field = "\(problem.element).\(problem.field)"
            }
            r.fail(node, field, problem.message)
        }
    }

    private static func quoted(_ s: String) -> String? {
        guard let a = s.firstIndex(of: "'"), let b = s.lastIndex(of: "'"), a < b else { return nil }
        return String(s[s.index(after: a)..<b])
    }
}
