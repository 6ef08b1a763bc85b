/// The regions of CIRCUIT.md §1 for a right-handed subject moving the right hand: cortex,
/// basal ganglia and thalamus on the left, cerebellar cortex and nuclei on the right
/// (ipsilateral), inferior olive and pontine nuclei on the left (they cross).
///
/// Centroids are approximate (±5 mm), MNI152, from: HMAT, the Human Motor Area Template
/// (Mayka, Corcos, Leurgans & Vaillancourt 2006, NeuroImage 31:1453) for the motor and
/// premotor areas; the Harvard–Oxford atlases (FSL) for striatum, hippocampus, parietal and
/// prefrontal cortex; the 7 T subcortical atlas of Keuken et al. (2014, NeuroImage 94:40) for
/// GPe, GPi, STN, SN and red nucleus; the Morel thalamic atlas (Krauth et al. 2010) for VA/VL;
/// SUIT (Diedrichsen 2006; Stoodley & Schmahmann 2009 for the hand area of lobule V) and
/// Dimitrova et al. (2002, NeuroImage 17:240) for cerebellar cortex and nuclei.
public enum RegionCatalog {
    static let hmat = "HMAT (Mayka et al. 2006)"
    static let harvardOxford = "Harvard–Oxford atlas (FSL)"
    static let keuken = "7T subcortical atlas (Keuken et al. 2014)"
    static let morel = "Morel thalamic atlas (Krauth et al. 2010)"
    static let suit = "SUIT cerebellar atlas (Diedrichsen 2006; Stoodley & Schmahmann 2009)"
    static let brainstem = "SUIT brainstem template (Diedrichsen 2006), approximate"

    /// Every region of the model, in CIRCUIT.md §1 order.
    public static let standard: [Region] = [
        Region("M1", "primary motor cortex", .cortex, .left, .init(-37, -21, 58), source: hmat,
               role: "executes: cosine-tuned population code → motor command"),
        Region("PMd", "dorsal premotor cortex", .cortex, .left, .init(-30, -4, 58), source: hmat,
               role: "cue-guided action candidates, selected with the basal ganglia"),
        Region("PMv", "ventral premotor cortex", .cortex, .left, .init(-50, 5, 22), source: hmat,
               role: "object-guided action candidates"),
        Region("SMA", "supplementary motor area", .cortex, .left, .init(-2, -7, 55), source: hmat,
               role: "internally generated sequences; activity falls with automatization"),
        Region("PPC", "posterior parietal cortex", .cortex, .left, .init(-29, -50, 55), source: harvardOxford,
               role: "integrates target and limb state from vision and proprioception"),
        Region("PFC", "dorsolateral prefrontal cortex", .cortex, .left, .init(-40, 32, 30), source: harvardOxford,
               role: "explicit, fast, effortful early learning; cue timing for the critic"),
        Region("HPC", "hippocampus", .cortex, .left, .init(-25, -22, -14), source: harvardOxford,
               role: "fast explicit sequence and context memory; released by consolidation"),
        Region("S1", "primary somatosensory cortex", .cortex, .left, .init(-40, -24, 50), source: hmat,
               role: "proprioceptive and tactile feedback to M1 and PPC"),
        Region("DMS", "dorsomedial striatum (caudate)", .basalGanglia, .left, .init(-13, 10, 10), source: harvardOxford,
               role: "goal-directed and sequence learning; D1/D2 MSNs; value (critic)"),
        Region("DLS", "dorsolateral striatum (putamen)", .basalGanglia, .left, .init(-25, 1, 1), source: harvardOxford,
               role: "habit and motor action value; D1/D2 MSNs"),
        Region("GPe", "globus pallidus externus", .basalGanglia, .left, .init(-19, -3, 0), source: keuken,
               role: "indirect pathway; STN–GPe loop"),
        Region("STN", "subthalamic nucleus", .basalGanglia, .left, .init(-11, -13, -7), source: keuken,
               role: "hyperdirect and indirect pathways; diffuse excitation of the output nuclei"),
        Region("GPi", "globus pallidus internus", .basalGanglia, .left, .init(-16, -6, -3), source: keuken,
               role: "output: tonic inhibition of VL; selection by disinhibition"),
        Region("SNr", "substantia nigra pars reticulata", .basalGanglia, .left, .init(-12, -16, -13), source: keuken,
               role: "output: tonic inhibition of VA"),
        Region("SNc", "substantia nigra pars compacta", .basalGanglia, .left, .init(-9, -20, -11), source: keuken,
               role: "dopamine: tonic level and phasic reward-prediction error"),
        Region("PN", "pontine nuclei (mossy fibres)", .cerebellum, .left, .init(-6, -28, -36), source: brainstem,
               role: "cortico-pontine relay: desired state, efference copy, limb state, context"),
        Region("GC", "cerebellar granule cells (parallel fibres)", .cerebellum, .right, .init(18, -50, -22), source: suit,
               role: "expansion of mossy-fibre input into many features"),
        Region("PC", "Purkinje cells (lobules IV–VI, hand area)", .cerebellum, .right, .init(20, -52, -24), source: suit,
               role: "adaptive filter: PF–PC weights learned by climbing-fibre LTD"),
        Region("IO", "inferior olive (climbing fibres)", .cerebellum, .left, .init(-6, -38, -50), source: brainstem,
               role: "sensory prediction error after the feedback delay"),
        Region("DCN", "deep cerebellar nuclei (dentate, interposed)", .cerebellum, .right, .init(14, -56, -36),
               source: "Dimitrova et al. 2002", role: "cerebellar output; slow consolidation site at MF–DCN"),
        Region("VA", "ventral anterior thalamus", .thalamus, .left, .init(-10, -6, 8), source: morel,
               role: "relays SNr-gated activity to premotor cortex and SMA"),
        Region("VL", "ventral lateral thalamus", .thalamus, .left, .init(-14, -14, 6), source: morel,
               role: "integrates GPi gating and cerebellar correction onto M1"),
        Region("RN", "red nucleus", .brainstem, .left, .init(-5, -20, -9), source: keuken,
               role: "rubrospinal fine control from DCN and M1"),
        Region("RF", "reticular formation", .brainstem, .left, .init(-4, -32, -40), source: brainstem,
               role: "reticulospinal posture and gain"),
        Region("SC", "spinal motor neurons (cervical motor nuclei)", .brainstem, .right, .init(2, -45, -65),
               source: "top of the cervical cord below the SUIT brainstem template, approximate",
               role: "final common path with signal-dependent noise"),
    ]

    /// The region with this abbreviation.
    public static func region(_ abbreviation: String) -> Region? {
        standard.first { $0.abbreviation == abbreviation }
    }
}
