import Foundation
import PraxisEngine
import Testing
@testable import PraxisCircuit

@Suite struct CircuitFileTests {
    @Test func defaultCircuitHasEveryRegionWithCentroid() {
        let spec = CircuitFile.defaultCircuit()
        let listed = Set(spec.regions.map(\.region.abbreviation))
        for region in RegionCatalog.standard {
            #expect(listed.contains(region.abbreviation), "\(region.abbreviation) missing")
            // Centroids lie inside the MNI152 brain box.
            #expect(abs(region.mni.x) < 80 && region.mni.y > -110 && region.mni.y < 80 && region.mni.z > -75 && region.mni.z < 85)
        }
        // A right-handed subject: left motor cortex, right cerebellar cortex.
        #expect(RegionCatalog.region("M1")!.mni.x < 0 && RegionCatalog.region("PC")!.mni.x > 0)
    }

    /// Each kind of mistake is refused with its line and field, and nothing is built.
    @Test(arguments: [
        ("unknown region", "regions:\n  - region: M1\n    populations: [{name: M1, model: rate, units: 4}]\n  - region: XYZ\n    populations: []\n", 7, "regions[1].region"),
        ("unknown population", "  - {from: M1, to: Nowhere, sign: excitatory}\n", 0, "pathways[0].to"),
        ("negative delay", "  - {from: M1, to: M1, sign: excitatory, delay_ms: -3}\n", 0, "pathways[0].delay_ms"),
        ("wrong type", "  - {from: M1, to: M1, sign: excitatory, weight: strong}\n", 0, "pathways[0].weight"),
        ("unknown key", "  - {from: M1, to: M1, sign: excitatory, colour: red}\n", 0, "pathways[0].colour"),
        ("bad sign", "  - {from: M1, to: M1, sign: sideways}\n", 0, "pathways[0].sign"),
        ("syntax", "  - {from: M1, to: M1, sign: excitatory\n", 9, "(syntax)"),
        ("cosine with drawn weights", "  - {from: M1, to: M1, sign: excitatory, pattern: cosine, weight: {uniform: [0.1, 0.2]}}\n", 0, "pathways[0].weight"),
        ("engine parameter", "  - {from: M1, to: M1, sign: excitatory, rule: {oja: {rate: 1, min: 3, max: 1}}}\n", 0, "pathways[0] (plasticity.minWeight)"),
    ])
    func badFilesAreRefusedWithLocation(_ label: String, _ fragment: String, _ expectedLine: Int, _ field: String) {
        let head = "name: t\ndt_ms: 1\nchannels: 2\n"
        let regions = "regions:\n  - region: M1\n    populations: [{name: M1, model: rate, units: 4}]\n"
        let text = fragment.hasPrefix("regions:") ? head + fragment + "pathways: []\n" : head + regions + "pathways:\n" + fragment
        do {
            _ = try CircuitFile.parse(text, file: "bad.yaml")
            Issue.record("\(label): expected an error")
        } catch {
            let e = error.errors.first { $0.field == field }
            #expect(e != nil, "\(label): got \(error.description)")
            #expect(e?.file == "bad.yaml")
            let line = expectedLine > 0 ? expectedLine : 8
            #expect(e?.line == line, "\(label): line \(e?.line ?? -1), expected \(line)")
        }
    }

    /// `opposite` maps unit i onto unit (i + n/2) mod n (antagonist pairs) and needs equal
    /// even sizes.
    @Test func oppositePatternPairsAntagonists() throws {
        let head = "name: t\ndt_ms: 1\nchannels: 2\nregions:\n  - region: SC\n    populations: [{name: A, model: rate, units: 4}, {name: B, model: rate, units: 4}, {name: C, model: rate, units: 3}]\npathways:\n"
        let spec = try CircuitFile.parse(head + "  - {from: A, to: B, sign: inhibitory, pattern: opposite, weight: 0.5}\n", file: "ok.yaml")
        guard case .explicit(let pre, let post, let weights)? = spec.network().projections.first?.connectivity else {
            Issue.record("opposite should build explicit connectivity"); return
        }
        #expect(pre == [0, 1, 2, 3] && post == [2, 3, 0, 1] && weights == [0.5, 0.5, 0.5, 0.5])
        expectRefused(head + "  - {from: C, to: C, sign: inhibitory, pattern: opposite}\n", "odd sizes should be refused") { $0.field == "pathways[0].pattern" && $0.line == 8 }
    }

    /// A dopamine field's vulnerability to SNc loss is a fraction: outside [0, 1] the file
    /// is refused at the modulator's line.
    @Test func vulnerabilityOutsideUnitRangeIsRefused() {
        let text = "name: t\ndt_ms: 1\nchannels: 2\nmodulators:\n  - {name: da, kind: dopamine, tonic: 1, vulnerability: 1.5}\nregions:\n  - region: M1\n    populations: [{name: M1, model: rate, units: 4}]\npathways: []\n"
        expectRefused(text, "a vulnerability of 1.5 should be refused") { $0.field.contains("vulnerability") && $0.line == 5 }
        expectRefused(text.replacingOccurrences(of: "kind: dopamine, tonic: 1, vulnerability: 1.5", with: "kind: acetylcholine, tonic: 1, vulnerability: 0.5"), "a vulnerability on acetylcholine should be refused") { $0.field == "modulators[0].vulnerability" && $0.line == 5 }
    }

    /// `surround` weighs each pair by (1 − cos Δθ)/2 of their preferred directions: nothing
    /// onto the same direction, half the weight at 90°, all of it opposite.
    @Test func surroundPatternGrowsWithTheAngle() throws {
        let head = "name: t\ndt_ms: 1\nchannels: 4\nregions:\n  - region: PMd\n    populations: [{name: A, model: rate, per_channel: 1}]\npathways:\n"
        let spec = try CircuitFile.parse(head + "  - {from: A, to: A, sign: inhibitory, pattern: surround, weight: 0.8}\n", file: "ok.yaml")
        guard case .explicit(let pre, let post, let weights)? = spec.network().projections.first?.connectivity else {
            Issue.record("surround should build explicit connectivity"); return
        }
        var w = [[Float]](repeating: [0, 0, 0, 0], count: 4)
        for (k, (i, j)) in zip(pre, post).enumerated() { w[i][j] = weights[k] }
        for i in 0..<4 {
            #expect(w[i][i] == 0)
            #expect(abs(w[i][(i + 1) % 4] - 0.4) < 1e-6 && abs(w[i][(i + 3) % 4] - 0.4) < 1e-6)
            #expect(abs(w[i][(i + 2) % 4] - 0.8) < 1e-6)
        }
        #expect(pre.count == 12)
        expectRefused(head + "  - {from: A, to: A, sign: inhibitory, pattern: surround, weight: {uniform: [0, 1]}}\n", "drawn weights should be refused") { $0.field == "pathways[0].weight" && $0.line == 8 }
    }

    /// `cross-channel` joins every pair of units in different channels and no pair within one.
    @Test func crossChannelPatternSkipsOwnChannel() throws {
        let head = "name: t\ndt_ms: 1\nchannels: 3\nregions:\n  - region: SMA\n    populations: [{name: A, model: rate, per_channel: 1}, {name: B, model: rate, per_channel: 2}, {name: C, model: rate, units: 3}]\npathways:\n"
        let spec = try CircuitFile.parse(head + "  - {from: A, to: B, sign: excitatory, pattern: cross-channel, weight: 0.5}\n", file: "ok.yaml")
        guard case .explicit(let pre, let post, let weights)? = spec.network().projections.first?.connectivity else {
            Issue.record("cross-channel should build explicit connectivity"); return
        }
        #expect(pre.count == 3 * 4 && weights.allSatisfy { $0 == 0.5 })
        #expect(zip(pre, post).allSatisfy { $0 != $1 / 2 }, "\(Array(zip(pre, post)))")
        expectRefused(head + "  - {from: C, to: A, sign: inhibitory, pattern: cross-channel}\n", "a population without channels should be refused") {
            $0.field == "pathways[0].pattern" && $0.line == 8
        }
    }

    /// `pair` sends channel j to the j-th unit of every other channel (unit c · channels + j),
    /// and needs a target with one unit per channel and channel.
    @Test func pairPatternAddressesThePreviousActionInEveryOtherChannel() throws {
        let head = "name: t\ndt_ms: 1\nchannels: 3\nregions:\n  - region: SMA\n    populations: [{name: A, model: rate, per_channel: 1}, {name: P, model: rate, per_channel: 3}, {name: B, model: rate, per_channel: 2}]\npathways:\n"
        let spec = try CircuitFile.parse(head + "  - {from: A, to: P, sign: excitatory, pattern: pair, weight: 2}\n", file: "ok.yaml")
        guard case .explicit(let pre, let post, let weights)? = spec.network().projections.first?.connectivity else {
            Issue.record("pair should build explicit connectivity"); return
        }
        #expect(pre == [0, 0, 1, 1, 2, 2] && post == [3, 6, 1, 7, 2, 5] && weights.allSatisfy { $0 == 2 })
        expectRefused(head + "  - {from: A, to: B, sign: excitatory, pattern: pair, weight: 2}\n", "a target with per_channel 2 of 3 channels should be refused") {
            $0.field == "pathways[0].pattern" && $0.line == 8 && $0.message.contains("per_channel: 1 → per_channel: 2")
        }
    }

    /// A `gain` pathway multiplies its target's excitatory drive by `max(0, 1 + Σ w·a)`
    /// instead of adding to it: with no drive of its own the target stays silent, whatever
    /// the source; a driven target settles at its drive times the gain. It takes no
    /// neuromodulator, and naming one is refused with its location.
    @Test(arguments: [(0.5, 2.6), (-0.5, 1.4), (-3.0, 0.0)])
    func gainPathwayScalesTheTargetsDrive(source: Float, expected: Float) throws {
        let text = """
            name: t
            dt_ms: 1
            channels: 1
            regions:
              - region: PFC
                populations:
                  - {name: S, model: rate, units: 1, tau_ms: 10, transfer: linear, bias: \(source)}
                  - {name: T, model: rate, units: 1, tau_ms: 10, threshold: 0}
                  - {name: U, model: rate, units: 1, tau_ms: 10, threshold: 0}
            pathways:
              - {from: S, to: T, sign: gain, weight: 0.6, delay_ms: 1}
              - {from: S, to: U, sign: gain, weight: 0.6, delay_ms: 1}

            """
        let spec = try CircuitFile.parse(text, file: "ok.yaml")
        #expect(spec.pathways.allSatisfy { $0.isGain })
        #expect(spec.network().projections.allSatisfy { $0.receptor == .modulatory })
        let c = try Circuit(spec: spec, seed: 1)
        // Drive 2, so a product and a sum differ (2 · 1.3 against 2 + 0.3).
        c.drive("T", [2])
        try c.run(ms: 300)
        #expect(abs(c.population("T").outputs[0] - expected) < 1e-3, "T = \(c.population("T").outputs[0])")
        #expect(c.population("U").outputs[0] == 0, "a gain alone drives nothing")
        expectRefused(text.replacingOccurrences(of: "to: U, sign: gain,", with: "to: U, sign: gain, modulator: dopamine,"),
                      "a gain pathway naming a modulator should be refused") { $0.field == "pathways[1].modulator" && $0.line == 12 }
    }

    @Test func jsonRoundTripKeepsEveryPathway() throws {
        let spec = CircuitFile.defaultCircuit()
        let data = try CircuitSpec.jsonEncoder().encode(spec)
        let back = try CircuitSpec.jsonDecoder().decode(CircuitSpec.self, from: data)
        #expect(back.pathways.map(\.name) == spec.pathways.map(\.name))
        #expect(back.populations.map(\.size) == spec.populations.map(\.size))
    }

    /// Parses `text` as a circuit file; records `accepted` if the file is accepted, and
    /// otherwise expects one of the errors it was refused with to satisfy `match`.
    private func expectRefused(_ text: String, _ accepted: Comment, sourceLocation: SourceLocation = #_sourceLocation,
                               where match: (FileError) -> Bool) {
        do {
            _ = try CircuitFile.parse(text, file: "bad.yaml")
            Issue.record(accepted, sourceLocation: sourceLocation)
        } catch {
            let matched = error.errors.contains(where: match)
            #expect(matched, "\(error.description)", sourceLocation: sourceLocation)
        }
    }
}
