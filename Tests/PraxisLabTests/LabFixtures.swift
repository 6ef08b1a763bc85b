import Foundation
@testable import PraxisLab

/// Small experiments and scratch folders for the lab's tests.
enum LabFixtures {
    /// A quick experiment: two arms of `subjects` subjects, six trials each (a Pavlovian
    /// block and two lever presses, so trials carry several metrics, and hand paths).
    static func text(subjects: Int = 3, seed: Int = 7) -> String {
        """
        name: lab fixture
        seed: \(seed)
        cohort:
          size: \(subjects)
          variability:
            dopamine.tonic: {normal: [1.0, 0.1]}
        arms:
          - {name: healthy}
          - {name: PD, parkinsons: {snc_loss: 0.6}}
        protocol:
          - session: s
            blocks:
              - {task: pavlovian, trials: 4, targets: [0], reward_probability: 1}
              - {task: lever, trials: 2, targets: [0]}
        measures:
          - {name: cue_dopamine, metric: dopamine_cue}
          - {name: pressed, metric: pressed, session: s, block: 1}
        curves:
          - {metric: dopamine_reward, bin: 2}
        trajectories: {subjects: 1, every: 2}
        """
    }

    static func experiment(subjects: Int = 3, seed: Int = 7) throws -> Experiment {
        try ExperimentFile.parse(text(subjects: subjects, seed: seed), file: "fixture.yaml")
    }

    /// A new empty folder under the system's temporary directory.
    static func folder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("praxis-lab-tests-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The `praxis` executable built beside the test bundle (`swift build --build-tests`
    /// builds it), if there is one.
    static var praxisExecutable: URL? {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("praxis")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return nil
    }
}
