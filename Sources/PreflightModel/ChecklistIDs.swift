/// The 25 checklist items' ids, in checklist order: what `--only`, `--skip`, suppressions and `explain` accept.
/// The checks' catalog implements exactly these (a test keeps the two in step).
public enum ChecklistIDs {
    public static let all = [
        "A1", "A2", "A3", "A4", "A5", "A6",
        "B1", "B2", "B3", "B4", "B5",
        "C1", "C2", "C3", "C4", "C5",
        "D1", "D2", "D3", "D4", "D5",
        "E1", "E2", "E3", "E4",
    ]
}
