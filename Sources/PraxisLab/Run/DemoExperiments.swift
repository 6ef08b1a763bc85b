import Foundation

/// The built-in experiments of `praxis demo`: probabilistic selection for healthy, PD off and
/// PD on (P1), and force-field adaptation (P2), shipped as resources.
public enum DemoExperiments {
    /// (folder name, experiment) in the order the demo runs them.
    public static func all() throws -> [(folder: String, experiment: Experiment)] {
        try [("selection", load("demo-selection")), ("force-field", load("demo-force-field"))]
    }

    static func load(_ name: String) throws -> Experiment {
        guard let url = Bundle.module.url(forResource: name, withExtension: "yaml"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            preconditionFailure("the demo experiment \(name).yaml is missing from the bundle")
        }
        return try ExperimentFile.parse(text, file: "\(name).yaml")
    }
}
