extension CircuitSpec {
    /// Graphviz DOT: regions as clusters grouped by system, pathways as edges
    /// (excitatory solid, inhibitory with a bar head, modulatory and gain dashed; plastic ones bold).
    public func dot() -> String {
        var s = "digraph \"\(name)\" {\n  rankdir=LR;\n  node [shape=box, fontsize=10];\n"
        for system in Region.System.allCases {
            let regions = self.regions.filter { $0.region.system == system }
            if regions.isEmpty { continue }
            s += "  subgraph \"cluster_\(system.rawValue)\" {\n    label=\"\(system.rawValue)\";\n"
            for r in regions {
                for p in r.populations { s += "    \"\(p.name)\" [label=\"\(p.name)\\n\(r.region.abbreviation) · \(p.size)\"];\n" }
            }
            s += "  }\n"
        }
        for p in pathways {
            var attrs: [String] = []
            switch p.sign {
            case .excitatory: attrs.append("color=darkgreen")
            case .inhibitory: attrs.append("color=firebrick, arrowhead=tee")
            case .modulatory: attrs.append(p.isGain ? "color=darkorange, style=dashed" : "color=purple, style=dashed")
            }
            if p.rule != nil { attrs.append("penwidth=2.5") }
            s += "  \"\(p.source)\" -> \"\(p.target)\" [\(attrs.joined(separator: ", "))];\n"
        }
        return s + "}\n"
    }
}
