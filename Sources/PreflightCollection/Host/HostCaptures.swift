import Foundation

/// The layout of a folder of command outputs captured on the bot host (README: "Host clock evidence").
///
/// One file per command holds its stdout; beside it `NAME.err` holds stderr and `NAME.exit` the exit status
/// (127: not installed). A missing `.exit` counts as 0, a missing output file as "not captured".
/// `date.txt` holds the capture time (`date +%s`), `hostname.txt` the host's name, and `root/` mirrors the
/// daemon configs at their absolute paths (`root/etc/chrony/chrony.conf`).
public enum HostCaptures {
    public static let files: [String: String] = [
        "timedatectl show": "timedatectl-show.txt",
        "timedatectl show-timesync": "timedatectl-show-timesync.txt",
        "timedatectl timesync-status": "timedatectl-timesync-status.txt",
        "chronyc -c tracking": "chronyc-tracking.csv",
        "chronyc -c sources": "chronyc-sources.csv",
        "ntpq -pn": "ntpq-pn.txt",
        "ntpstat": "ntpstat.txt",
        "adjtimex --print": "adjtimex.txt",
    ]
    public static let captureTime = "date.txt"
    public static let hostName = "hostname.txt"
    public static let timesyncMarkerTime = "timesync-synchronized-mtime.txt"
    public static let configRoot = "root"

    /// The one-line capture script the README gives for the bot host.
    public static let script = #"""
        mkdir -p clock/root && cd clock && date +%s >date.txt && hostname >hostname.txt && c(){ f=$1; shift; LC_ALL=C "$@" >"$f" 2>"$f.err"; echo $? >"$f.exit"; }; c timedatectl-show.txt timedatectl show; c timedatectl-show-timesync.txt timedatectl show-timesync; c timedatectl-timesync-status.txt timedatectl timesync-status; c chronyc-tracking.csv chronyc -c tracking; c chronyc-sources.csv chronyc -c sources; c ntpq-pn.txt ntpq -pn; c ntpstat.txt ntpstat; c adjtimex.txt adjtimex --print; stat -c %Y /run/systemd/timesync/synchronized >timesync-synchronized-mtime.txt 2>/dev/null || rm -f timesync-synchronized-mtime.txt; find /etc/chrony* /etc/ntp* \( -name '*.conf' -o -name '*.sources' \) -exec cp --parents {} root/ \; 2>/dev/null; cd ..
        """#

    /// The file a command's output is captured in; nil for a command the capture does not hold.
    public static func file(for command: Command) -> String? {
        let name = (command.executable as NSString).lastPathComponent
        return files[([name] + command.arguments).joined(separator: " ")]
    }
}
