/// A brain region of the motor learning circuit, as the imaging instruments and reports see it.
public struct Region: Sendable, Equatable, Codable {
    /// Anatomical system a region belongs to (CIRCUIT.md §1).
    public enum System: String, Sendable, Codable, CaseIterable {
        case cortex, basalGanglia = "basal-ganglia", cerebellum, thalamus, brainstem
    }
    public enum Hemisphere: String, Sendable, Codable { case left, right, midline }

    /// A point in MNI152 space, millimetres.
    public struct MNI: Sendable, Equatable, Codable {
        public var x: Double, y: Double, z: Double
        public init(_ x: Double, _ y: Double, _ z: Double) { self.x = x; self.y = y; self.z = z }
    }

    public var abbreviation: String
    public var name: String
    public var system: System
    public var hemisphere: Hemisphere
    /// Approximate centroid (±5 mm) in MNI152 space.
    public var mni: MNI
    /// Atlas or paper the centroid is taken from.
    public var mniSource: String
    /// The region's role in the model, in one line.
    public var role: String

    public init(_ abbreviation: String, _ name: String, _ system: System, _ hemisphere: Hemisphere,
                _ mni: MNI, source: String, role: String) {
        self.abbreviation = abbreviation; self.name = name; self.system = system
        self.hemisphere = hemisphere; self.mni = mni; mniSource = source; self.role = role
    }
}
