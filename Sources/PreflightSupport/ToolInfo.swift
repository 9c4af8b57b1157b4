/// What every report, bundle and `--version` says about preflight itself.
public enum ToolInfo {
    public static let name = "preflight"
    public static let version = "0.1.0"
    /// Version of the 25-item checklist the catalog implements.
    public static let checklistVersion = "1.0"
}
