import PraxisEngine

/// Descriptive statistics of a sample and bootstrap confidence intervals (Efron &
/// Tibshirani 1993, percentile method), drawn from a seeded stream so a summary is
/// reproducible.
public enum Statistics {
    /// Resamples per bootstrap interval.
    public static let resamples = 2000

    public static func mean(_ x: [Double]) -> Double {
        x.isEmpty ? .nan : x.reduce(0, +) / Double(x.count)
    }

    /// Sample standard deviation (n − 1 in the denominator); NaN below two values.
    public static func sd(_ x: [Double]) -> Double {
        guard x.count > 1 else { return .nan }
        let m = mean(x)
        return (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)).squareRoot()
    }

    /// The `q` quantile of sorted values, interpolating linearly between order statistics
    /// (type 7 of Hyndman & Fan 1996, the default of R and NumPy).
    public static func quantile(sorted x: [Double], _ q: Double) -> Double {
        guard !x.isEmpty else { return .nan }
        let h = Double(x.count - 1) * q
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, x.count - 1)
        return x[lo] + (h - Double(lo)) * (x[hi] - x[lo])
    }

    /// Percentile bootstrap 95 % interval of the mean over resamples of `x` (with
    /// replacement), drawn from `seed`.
    public static func bootstrap(_ x: [Double], seed: UInt64) -> (Double, Double) {
        guard !x.isEmpty else { return (.nan, .nan) }
        var rng = RandomStream(seed: seed, stream: LabStream.bootstrap)
        var draws: [Double] = []
        draws.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var sum = 0.0
            for _ in x.indices { sum += x[index(&rng, x.count)] }
            draws.append(sum / Double(x.count))
        }
        draws.sort()
        return (quantile(sorted: draws, 0.025), quantile(sorted: draws, 0.975))
    }

    /// Percentile bootstrap 95 % interval of mean(b) − mean(a), resampling each group.
    public static func bootstrapDifference(_ a: [Double], _ b: [Double], seed: UInt64) -> (Double, Double) {
        guard !a.isEmpty, !b.isEmpty else { return (.nan, .nan) }
        var rng = RandomStream(seed: seed, stream: LabStream.bootstrapDifference)
        var draws: [Double] = []
        draws.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var sa = 0.0, sb = 0.0
            for _ in a.indices { sa += a[index(&rng, a.count)] }
            for _ in b.indices { sb += b[index(&rng, b.count)] }
            draws.append(sb / Double(b.count) - sa / Double(a.count))
        }
        draws.sort()
        return (quantile(sorted: draws, 0.025), quantile(sorted: draws, 0.975))
    }

    /// Cohen's d of b against a: the difference of means over the pooled SD.
    public static func cohensD(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count > 1, b.count > 1 else { return .nan }
        let va = sd(a) * sd(a), vb = sd(b) * sd(b)
        let pooled = ((Double(a.count - 1) * va + Double(b.count - 1) * vb) / Double(a.count + b.count - 2)).squareRoot()
        return pooled > 0 ? (mean(b) - mean(a)) / pooled : .nan
    }

    /// Cohen's d_z of paired differences: their mean over their SD (NaN when the SD is 0 or
    /// there are fewer than two).
    public static func cohensDz(_ differences: [Double]) -> Double {
        let s = sd(differences)
        return s > 0 ? mean(differences) / s : .nan
    }

    /// A uniform index below `n`.
    private static func index(_ rng: inout RandomStream, _ n: Int) -> Int {
        min(n - 1, Int(Double(rng.uniform()) * Double(n)))
    }
}
