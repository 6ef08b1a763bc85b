import Foundation
import Testing
@testable import PraxisLab

/// The report's charts stay legible whatever the experiment names its measures.
@Suite struct SVGChartTests {
    /// The `y` of each category label of a bar chart, in order, and its shown text.
    static func labels(_ svg: String) -> [(y: Double, text: String)] {
        let pattern = /<text x="[0-9.]+" y="([0-9.]+)" text-anchor="middle" font-size="11"><title>[^<]*<\/title>([^<]*)<\/text>/
        return svg.matches(of: pattern).map { (Double(String($0.1))!, String($0.2)) }
    }

    @Test func fewShortLabelsStayOnOneRowAsWritten() {
        let svg = SVGChart.bars(categories: ["a", "b"], series: [(name: "x", values: [1, 2], lower: [1, 2], upper: [1, 2])],
                                title: "t", yLabel: "y")
        let l = Self.labels(svg)
        #expect(l.map(\.text) == ["a", "b"] && Set(l.map(\.y)).count == 1)
    }

    @Test func crowdedLabelsAlternateRowsAndLongOnesAreShortened() {
        let names = (1...12).map { "rt_block\($0)" } + ["a_measure_with_a_very_long_name"]
        let n = names.count
        let svg = SVGChart.bars(categories: names, series: [(name: "x", values: Array(repeating: 1, count: n),
                                                              lower: Array(repeating: 1, count: n), upper: Array(repeating: 1, count: n))],
                                title: "t", yLabel: "y")
        let l = Self.labels(svg)
        #expect(l.count == n)
        // Neighbours sit on different rows.
        #expect(zip(l, l.dropFirst()).allSatisfy { $0.y != $1.y })
        // Two rows give each label two groups' width; none shown is wider than that.
        let room = (SVGChart.width - SVGChart.margin.left - SVGChart.margin.right) / Double(n) * 2
        #expect(l.allSatisfy { Double($0.text.count) * 6.2 <= room })
        #expect(l.last!.text.hasSuffix("…") && svg.contains("<title>a_measure_with_a_very_long_name</title>"))
    }
}
