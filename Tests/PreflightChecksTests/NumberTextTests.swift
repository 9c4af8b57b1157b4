import PreflightModel
import Testing

@Suite("Numbers as findings print them")
struct NumberTextTests {
    @Test(arguments: [
        (2.0, "2.0"), (0.25, "0.3"), (0.04, "0.0"), (12.34, "12.3"), (-1.25, "-1.3"), (1e300, "1e+300"),
        (Double.infinity, "inf"), (Double.nan, "nan"),
    ] as [(Double, String)])
    func tenthsAlwaysOneDecimalAndNeverTraps(value: Double, text: String) {
        #expect(NumberText.tenths(value) == text)
    }
}
