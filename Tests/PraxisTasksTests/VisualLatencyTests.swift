import Foundation
import PraxisCircuit
import PraxisEngine
import Testing
@testable import PraxisTasks

/// The trial-by-trial visual latency (`VisualLatency`) and the delay line it sets.
@Suite struct VisualLatencyTests {
    static func latencies(_ body: BodyParameters, seed: UInt64, count: Int, every s: Double) -> [Double] {
        var process = VisualLatency(body, rng: RandomStream(seed: seed, stream: VisualLatency.stream))
        return (0..<count).map { process.next(at: Double($0) * s) }
    }

    static func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }

    /// Correlation of x with itself `lag` samples later.
    static func autocorrelation(_ x: [Double], lag: Int) -> Double {
        let m = mean(x), v = x.map { ($0 - m) * ($0 - m) }.reduce(0, +)
        return (0..<(x.count - lag)).map { (x[$0] - m) * (x[$0 + lag] - m) }.reduce(0, +) / v
    }

    @Test func momentsAndDriftTimeConstant() {
        var body = BodyParameters()
        body.visualDelayJitterMs = 0
        // Stimuli 1 s apart over 20 000 s: the drift alone is an OU process whose
        // autocorrelation at lag τ is 1/e.
        let drift = Self.latencies(body, seed: 5, count: 20_000, every: 1)
        #expect(abs(Self.mean(drift) - 100) < 2.5, "mean \(Self.mean(drift)) ms")
        #expect(abs(SubjectTests.sd(drift) - 20) < 2, "SD \(SubjectTests.sd(drift)) ms")
        let r30 = Self.autocorrelation(drift, lag: 30)
        #expect(abs(r30 - exp(-1)) < 0.08, "autocorrelation at 30 s: \(r30)")
        #expect(Self.autocorrelation(drift, lag: 1) > 0.9)
        // Jitter alone is independent from trial to trial.
        body.visualDelayJitterMs = 20; body.visualDelayDriftMs = 0
        let jitter = Self.latencies(body, seed: 5, count: 20_000, every: 1)
        #expect(abs(SubjectTests.sd(jitter) - 20) < 1, "SD \(SubjectTests.sd(jitter)) ms")
        #expect(abs(Self.autocorrelation(jitter, lag: 1)) < 0.03)
        // Both together add in variance; a stimulus long after the last one has forgotten
        // the drift.
        let both = Self.latencies(BodyParameters(), seed: 5, count: 20_000, every: 1)
        #expect(abs(SubjectTests.sd(both) - 800.squareRoot()) < 2.5, "SD \(SubjectTests.sd(both)) ms")
        let hoursApart = Self.latencies(BodyParameters(), seed: 5, count: 5_000, every: 3600)
        #expect(abs(Self.autocorrelation(hoursApart, lag: 1)) < 0.05)
    }

    @Test func clampedAndRepeatable() {
        var body = BodyParameters()
        body.visualDelayJitterMs = 80
        let x = Self.latencies(body, seed: 9, count: 5_000, every: 0.5)
        let longest = 100 + 4 * (80.0 * 80 + 20 * 20).squareRoot()
        #expect(x.min()! == 50 && x.max()! <= longest)
        #expect(x == Self.latencies(body, seed: 9, count: 5_000, every: 0.5))
        #expect(x != Self.latencies(body, seed: 10, count: 5_000, every: 0.5))
        // Without either fluctuation the latency is the body's delay.
        body.visualDelayJitterMs = 0; body.visualDelayDriftMs = 0
        #expect(Set(Self.latencies(body, seed: 9, count: 100, every: 0.5)) == [100])
    }

    /// A rest in a protocol moves the subject's clock by its length, though nothing is
    /// simulated, so the drift of attention is forgotten across a night.
    @Test func restsMoveTheSubjectsClock() throws {
        let subject = Subject(circuit: try Circuit(seed: 1))
        subject.rest(seconds: 3600)
        #expect(subject.offlineSeconds == 3600 && subject.clockSeconds == 3600)
        let p = try ProtocolFile.parse("""
        protocol:
          - session: a
            blocks:
              - {task: pavlovian, trials: 1}
          - rest: {hours: 8, sleep: true}
        """, file: "rest.yaml")
        try ProtocolRunner(p).run(subject, seed: 1) { _ in }
        #expect(subject.offlineSeconds == 9 * 3600)
        #expect(subject.clockSeconds > 9 * 3600 && subject.clockSeconds < 9 * 3600 + 10)
    }

    @Test func delayLineFollowsItsDelay() {
        var line = DelayLine(steps: 2, capacity: 5, initial: -1)
        #expect((0..<4).map { line.push($0) } == [-1, -1, 0, 1])
        line.steps = 0
        #expect(line.push(4) == 4)
        line.steps = 5
        line.reset(to: -1)
        #expect((0..<7).map { line.push($0) } == [-1, -1, -1, -1, -1, 0, 1])
        #expect(line.capacity == 5)
    }
}
