import Foundation

/// The built-in experiments of `praxis demo`: probabilistic selection for healthy, PD off and
/// PD on (P1), and force-field adaptation (P2), shipped as resources.
public enum DemoExperiments {
    /// (folder name, experiment), the longest subjects first (the order the pool takes them).
    public static func all() throws -> [(folder: String, experiment: Experiment)] {
        try [("force-field", load("demo-force-field")), ("selection", load("demo-selection"))]
    }

    static func load(_ name: String) throws -> Experiment {
        guard let url = Bundle.module.url(forResource: name, withExtension: "yaml"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            preconditionFailure("the demo experiment \(name).yaml is missing from the bundle")
        }
        return try ExperimentFile.parse(text, file: "\(name).yaml")
    }
}
