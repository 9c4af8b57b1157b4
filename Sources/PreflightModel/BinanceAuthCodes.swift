/// Binance's answers to a revoked or wrong key and to a bad signature. -1021, a stale timestamp, is not one:
/// the bot can fix that by measuring its clock again. The timelines count these with the 401s and 403s, and
/// the drill's auth breaker class counts them with the 401s.
public enum BinanceAuthCodes {
    public static let keyOrSignature: Set<String> = ["-2015", "-2014", "-1022"]
}
