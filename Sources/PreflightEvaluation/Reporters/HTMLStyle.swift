/// The report page's inline stylesheet: system fonts, no web fonts, prints on white.
enum HTMLStyle {
    static let css = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;margin:24px auto;max-width:1180px;padding:0 16px}
        h1{font-size:24px;margin:0}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d6dae3}h3{font-size:15px;margin:18px 0 6px}
        .exchange{font-size:14px;color:#5b6478;font-weight:normal}.meta,.sources,.source{color:#5b6478;font-size:12px;font-weight:normal}
        .figures{display:flex;gap:16px;margin:12px 0}.figure{border:1px solid #d6dae3;border-radius:6px;padding:8px 16px;min-width:120px}
        .figure .value{display:block;font-size:26px;font-weight:600}.figure .label{color:#5b6478;font-size:12px}
        .gate.passed .value{color:#1b7f3b}.gate.failed .value{color:#b42318}.reasons{margin:4px 0;color:#b42318}
        table.items{border-collapse:collapse;width:100%;font-size:13px;margin-bottom:8px}
        table.items th,table.items td{border-top:1px solid #e3e6ec;padding:6px;vertical-align:top;text-align:left}
        table.items th{background:#f4f6f9;font-weight:600}td.id{white-space:nowrap;font-weight:600}.name{font-weight:normal;color:#5b6478;font-size:12px}
        td.finding ul,td.evidence ul{margin:4px 0 0;padding-left:16px}td.finding li{color:#5b6478}td.evidence{font-family:ui-monospace,monospace;font-size:11px;word-break:break-all}
        .what{color:#5b6478}td.fix{max-width:260px}
        .status{border-radius:4px;padding:1px 6px;font-weight:600;font-size:12px}
        .status.fail{background:#fde2df;color:#b42318}.status.error{background:#f7d9f0;color:#8a1c6e}.status.warn{background:#fff1cc;color:#8a5a00}
        .status.unknown{background:#e8eaef;color:#3d4557}.status.pass{background:#dcf3e3;color:#1b7f3b}.status.not_applicable{background:#eef0f4;color:#5b6478}
        details.passed summary{cursor:pointer;color:#1b7f3b;margin:4px 0}
        figure.timeline{margin:10px 0}figcaption{font-size:12px;color:#3d4557;margin-bottom:2px}svg.chart{max-width:100%;height:auto;background:#fbfcfd;border:1px solid #e3e6ec}
        .phase.fault.p0{fill:#fff3e0}.phase.fault.p1{fill:#fde9ec}.phase.calm{fill:#f1f7f2}.phase-label{font-size:8px;fill:#8a5a00}
        .axis,.zero{stroke:#9aa3b5;stroke-width:1}.tick{font-size:9px;fill:#5b6478}.none{font-size:11px;fill:#9aa3b5;text-anchor:middle}
        .bar.public,.key.public{fill:#7aa7e0}.bar.private,.key.private,.tickmark.private{fill:#34507e}
        .mark.r429,.key.r429{fill:#f28c28}.mark.r418,.key.r418{fill:#b42318}.mark.r5xx,.key.r5xx{fill:#8a1c6e}.mark.auth,.key.auth{fill:#111}
        .limit{stroke:#b42318;stroke-dasharray:4 3;stroke-width:1}.floor{stroke:#5b6478;stroke-dasharray:2 2}
        .retry.a2,.key.a2{fill:#7aa7e0}.retry.a3,.key.a3{fill:#f28c28}.retry.a4,.retry.a5,.key.a4{fill:#b42318}.retry-after{stroke:#111;stroke-width:2}.key.retry-after{fill:#111}
        .bar.connect,.key.connect{fill:#1b7f3b}.bar.disconnect,.key.disconnect{fill:#b42318}.bar.reconnect,.key.reconnect{fill:#f28c28}
        .bar.offset{fill:#34507e}.bar.heartbeat,.key.heartbeat{fill:#1b7f3b}.gap,.key.gap{fill:#fde2df}
        footer{margin:32px 0 8px;color:#9aa3b5;font-size:11px}
        """
}
