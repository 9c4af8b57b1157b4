import PreflightModel

/// `adjtimex --print` (Debian's adjtimex package): `name: value` lines and `return value = N`.
enum AdjtimexPrintOutput {
    static func parse(_ text: String) -> Result<KernelClockView, HostOutputProblem> {
        var fields: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            if let equals = line.range(of: "return value =") {
                fields["return value"] = line[equals.upperBound...].trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                fields[line[..<colon].trimmingCharacters(in: .whitespaces)] =
                    line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        guard let maxError = fields["maxerror"].flatMap({ Int($0) }), let estError = fields["esterror"].flatMap({ Int($0) }),
              let status = fields["status"].flatMap({ Int($0) }), let returned = fields["return value"].flatMap({ Int($0) })
        else {
            return .failure(HostOutputProblem("missing or non-numeric maxerror, esterror, status or return value: \(HostOutputProblem.quote(text))"))
        }
        return .success(KernelClockView(
            maxErrorMicroseconds: maxError, estErrorMicroseconds: estError, status: status, returnCode: returned))
    }
}
