import ArgumentParser
import PraxisCircuit
import PraxisEngine

/// `praxis bench …`: the standard networks, timed in release builds.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time the engine on standard networks (build it with -c release).",
        subcommands: [Coba.self, Cuba.self, Rate.self, CircuitBench.self, SubjectBench.self])

    /// Options shared by every benchmark.
    struct Options: ParsableArguments {
        @Option(help: "Number of neurons.") var neurons: Int?
        @Option(help: "Simulated time in seconds.") var duration: Double = 1
        @Option(help: "Worker threads.") var threads: Int = 1
        @Option(help: "Random seed.") var seed: UInt64 = 1
        @Option(help: "Repeat the whole measurement this many times and report the median wall time.")
        var repeats: Int = 1
        @Flag(help: "Print the step schedule before running.") var schedule = false
        @Flag(help: "End with one JSON object on the last line.") var json = false

        func validate() throws {
            if let n = neurons, n < 10 { throw ValidationError("--neurons must be at least 10") }
            if !(duration > 0) { throw ValidationError("--duration must be positive") }
            if threads < 1 { throw ValidationError("--threads must be at least 1") }
            if repeats < 1 { throw ValidationError("--repeats must be at least 1") }
        }
    }

    struct Coba: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vogels & Abbott (2005) COBA network, Brette et al. (2007) benchmark 1.")
        @OptionGroup var options: Options
        @Option(help: "Membrane integration: exact (exponential Euler) or euler.")
        var method: IntegrationMethod = .exact
        func run() throws {
            let n = options.neurons ?? 4000
            try BenchRunner(name: "coba", options: options).run(BenchmarkNetworks.coba(neurons: n, method: method))
        }
    }

    struct Cuba: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Current-based LIF network, Brette et al. (2007) benchmark 2.")
        @OptionGroup var options: Options
        @Option(help: "Membrane integration: exact or euler.")
        var method: IntegrationMethod = .exact
        func run() throws {
            let n = options.neurons ?? 4000
            try BenchRunner(name: "cuba", options: options).run(BenchmarkNetworks.cuba(neurons: n, method: method))
        }
    }

    struct Rate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Random recurrent network of leaky tanh rate units at dt = 1 ms.")
        @OptionGroup var options: Options
        func run() throws {
            let n = options.neurons ?? 1000
            try BenchRunner(name: "rate", options: options).run(BenchmarkNetworks.rate(neurons: n))
        }
    }


    struct CircuitBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "circuit", abstract: "The full default motor-learning circuit for one subject (rate units, 1 ms).")
        @OptionGroup var options: Options
        func run() throws {
            try BenchRunner(name: "circuit", options: options).run(CircuitFile.defaultCircuit().network())
        }
    }
}

extension IntegrationMethod: ExpressibleByArgument {}
