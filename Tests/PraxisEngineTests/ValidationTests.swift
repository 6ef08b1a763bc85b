import Testing
@testable import PraxisEngine

/// Each validation error names its element and field, and nothing is built.
@Suite struct ValidationTests {
    static let rate = NeuronModel.rate(RateParameters())
    static let base = NetworkSpec(
        dt: 1e-3,
        populations: [PopulationSpec(name: "a", size: 4, model: rate), PopulationSpec(name: "b", size: 6, model: rate)],
        projections: [ProjectionSpec(name: "ab", source: "a", target: "b", connectivity: .dense, weight: .constant(1))],
        modulators: [NeuromodulatorSpec(name: "DA", kind: .dopamine, tonic: 1)])

    struct Case: Sendable, CustomTestStringConvertible {
        let label: String, element: String, field: String
        let edit: @Sendable (inout NetworkSpec) -> Void
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(label: "dt", element: "network", field: "dt") { $0.dt = 0 },
        Case(label: "size", element: "population 'a'", field: "size") { $0.populations[0].size = 0 },
        Case(label: "duplicate", element: "population 'a'", field: "name") { $0.populations[1].name = "a" },
        Case(label: "tau", element: "population 'b'", field: "model.tauS") { $0.populations[1].model = .rate(RateParameters(tauS: -1)) },
        Case(label: "receptor", element: "population 'b'", field: "receptors.modulator") {
            $0.populations[1].receptors = [ReceptorBinding(modulator: "ACh", receptor: .m1, sensitivity: 1)]
        },
        Case(label: "source", element: "projection 'ab'", field: "source") { $0.projections[0].source = "nowhere" },
        Case(label: "target", element: "projection 'ab'", field: "target") { $0.projections[0].target = "nowhere" },
        Case(label: "delay", element: "projection 'ab'", field: "delaySteps") { $0.projections[0].delaySteps = 0 },
        Case(label: "one-to-one", element: "projection 'ab'", field: "connectivity") { $0.projections[0].connectivity = .oneToOne },
        Case(label: "probability", element: "projection 'ab'", field: "connectivity") { $0.projections[0].connectivity = .fixedProbability(p: 1.5) },
        Case(label: "channels", element: "projection 'ab'", field: "connectivity") { $0.projections[0].connectivity = .channelwise(channels: 4) },
        Case(label: "modulator", element: "projection 'ab'", field: "plasticity.modulator") {
            $0.projections[0].plasticity = .threeFactor(ThreeFactorRule(modulator: "5HT", sign: 1, learningRate: 1))
        },
        Case(label: "teacher", element: "projection 'ab'", field: "plasticity.teacher") {
            $0.projections[0].plasticity = .climbingFibre(ClimbingFibreRule(teacher: "a", ltdRate: 1, ltpRate: 0.1))
        },
        Case(label: "bounds", element: "projection 'ab'", field: "plasticity.minWeight") {
            $0.projections[0].plasticity = .oja(OjaRule(learningRate: 1, minWeight: 2, maxWeight: 1))
        },
        Case(label: "stdp", element: "projection 'ab'", field: "plasticity") { $0.projections[0].plasticity = .stdp(STDPRule()) },
        Case(label: "tonic", element: "neuromodulator 'DA'", field: "tonic") { $0.modulators[0].tonic = -1 },
        Case(label: "probe", element: "probe 'x'", field: "target") { $0.probes = [ProbeSpec(name: "x", target: "zz", variable: .state)] },
        Case(label: "spikes", element: "probe 'x'", field: "variable") { $0.probes = [ProbeSpec(name: "x", target: "a", variable: .spikes)] },
        Case(label: "source target", element: "projection 'ab'", field: "target") {
            $0.populations[1].model = .poisson(PoissonParameters(rateHz: 5))
        },
    ]

    @Test(arguments: cases)
    func errorNamesElementAndField(_ c: Case) {
        var spec = Self.base
        c.edit(&spec)
        do {
            _ = try Network(spec: spec, seed: 1)
            Issue.record("\(c.label): expected a validation error")
        } catch {
            #expect(error.errors.contains { $0.element == c.element && $0.field == c.field },
                    "\(c.label): got \(error.description)")
        }
    }

    @Test func validSpecHasNoProblems() {
        #expect(Self.base.problems().isEmpty)
        #expect(BenchmarkNetworks.coba(neurons: 100).problems().isEmpty)
    }

    @Test func allProblemsReportedAtOnce() {
        var spec = Self.base
        spec.populations[0].size = 0
        spec.projections[0].delaySteps = 0
        #expect(spec.problems().count == 2)
    }
}
