/// The version printed by `praxis --version` and stored with every run's results.
public enum PraxisVersion {
    public static let string = "0.2.0"
}
