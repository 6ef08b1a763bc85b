import PraxisEngine

/// The random streams the lab draws from, each its own index of the `.user` purpose, so no
/// two kinds of draw share a stream even when their seeds coincide (a subject's seed and a
/// summary's seed are drawn independently and can be equal).
enum LabStream {
    /// A subject's individual differences (`Cohort.factors`).
    static let individualDifferences = StreamID(.user, 1)
    /// Bootstrap resamples of a mean (`Statistics.bootstrap`).
    static let bootstrap = StreamID(.user, 2)
    /// Bootstrap resamples of a difference of means (`Statistics.bootstrapDifference`).
    static let bootstrapDifference = StreamID(.user, 3)
    /// A subject's disease severity drawn from an arm's spread (`Arm.subjectCondition`).
    static let severity = StreamID(.user, 4)
}
