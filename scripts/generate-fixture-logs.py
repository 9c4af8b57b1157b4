#!/usr/bin/env python3
"""Writes the sample bots' log samples (fixtures/bots/*/logs), deterministically.

The ready bot logs in pino style (JSON, `time` in epoch ms, numeric `level`, `msg`), its streams in
logfmt, and an older day gzip-compressed. The defective bot logs in zap style (`ts` in epoch seconds,
`level` names) with every defect placed on purpose: each is listed in DEFECTS below and in
fixtures/bots/defective/expected.json. Run it again after changing it; the output is committed.
"""
import gzip
import json
import os
import random
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "bots")
DAY = 1795478400000  # 2026-11-24T00:00:00Z in ms (a constant, not a clock read: the output must not change)


def ms(h, m=0, s=0.0):
    return DAY + int(((h * 60 + m) * 60 + s) * 1000)


class Pino:
    """pino: {"level":30,"time":<ms>,"msg":...}."""

    def __init__(self):
        self.lines = []

    def log(self, t, event, msg, **fields):
        record = {"level": 30 if event != "escalation" else 50, "time": int(t), "pid": 4242, "hostname": "bot-1",
                  "event": event, "msg": msg}
        record.update({k: v for k, v in fields.items() if v is not None or k == "error_code"})
        self.lines.append((t, json.dumps(record, separators=(",", ":"))))

    def text(self):
        return "\n".join(line for _, line in sorted(self.lines, key=lambda x: x[0])) + "\n"


class Logfmt:
    def __init__(self):
        self.lines = []

    def log(self, t, event, **fields):
        iso = iso8601(t)
        parts = [f"time={iso}", "level=info", f"event={event}"]
        for key, value in fields.items():
            if value is None:
                continue
            text = str(value).lower() if isinstance(value, bool) else str(value)
            parts.append(f'{key}="{text}"' if " " in text else f"{key}={text}")
        self.lines.append((t, " ".join(parts)))

    def text(self):
        return "\n".join(line for _, line in sorted(self.lines, key=lambda x: x[0])) + "\n"


def iso8601(t):
    seconds, millis = divmod(int(t), 1000)
    import time
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + f".{millis:03d}Z"


def ready():
    rng = random.Random(20261124)
    app = Pino()
    streams = Logfmt()
    request_id = [0]

    def request(t, endpoint, method="GET", signed=False, status=200, error_code=None, attempt=1, inflight=1,
                retry_after=None, client_order_id=None, rid=None):
        latency = rng.randint(18, 90)
        if rid is None:
            request_id[0] += 1
            rid = f"r{request_id[0]:05d}"
        app.log(t + latency, "api_request", f"{method} {endpoint} {status}", endpoint=endpoint, method=method,
                status=status, error_code=error_code, attempt=attempt, latency_ms=latency,
                concurrency_inflight=inflight, signed=signed, request_timestamp=int(t) if signed else None,
                recv_window=5000 if signed else None, clock_offset_ms=round(rng.uniform(-4, 4), 1) if signed else None,
                retry_after=retry_after, request_id=rid, client_order_id=client_order_id)
        return rid

    start = ms(9)
    app.log(start, "startup", "momentum-spot starting", version="1.8.2")
    app.log(start + 900, "reconcile", "reconciled open orders with the exchange", open_orders=2, positions=0)
    t = start + 1500
    end = ms(11)
    while t < end:  # heartbeats
        t += 30000
        app.log(t, "heartbeat", "alive", open_orders=rng.randint(0, 3))

    t = start + 2000
    order = 0
    shed_until = 0
    while t < end:
        t += rng.randint(4000, 6000) * (2 if t < shed_until else 1)
        request(t, "/api/v3/depth", inflight=rng.randint(1, 3))
        if rng.random() < 0.25:
            request(t + 300, "/api/v3/openOrders", signed=True, inflight=rng.randint(1, 2))
        if rng.random() < 0.06:
            order += 1
            cid = f"mspot-{order:05d}"
            app.log(t + 500, "order_submit", "submit limit order", client_order_id=cid, symbol="BTCUSDT", side="BUY")
            request(t + 510, "/api/v3/order", method="POST", signed=True, client_order_id=cid, inflight=1)
            if rng.random() < 0.5:
                app.log(t + 2500, "order_cancel", "cancel order", client_order_id=cid)
                request(t + 2510, "/api/v3/order", method="DELETE", signed=True, client_order_id=cid, inflight=1)
        if rng.random() < 0.04 and t > shed_until:
            # A 429 with Retry-After 2 s: the retry waits longer than that, then the bot halves its rate for a minute.
            rid = request(t + 800, "/api/v3/depth", status=429, error_code="-1003", retry_after=2, inflight=2)
            delay = 2000 + rng.randint(200, 1400)
            request(t + 800 + delay, "/api/v3/depth", attempt=2, rid=rid, inflight=1)
            shed_until = t + 60000
        elif rng.random() < 0.05:
            # A 503: exponential backoff with jitter, at most 3 attempts.
            rid = request(t + 900, "/api/v3/ticker/price", status=503, error_code=None, inflight=1)
            d2 = 500 + rng.randint(0, 1000)
            if rng.random() < 0.6:
                request(t + 900 + d2, "/api/v3/ticker/price", attempt=2, rid=rid, inflight=1)
            else:
                request(t + 900 + d2, "/api/v3/ticker/price", status=503, attempt=2, rid=rid, inflight=1)
                d3 = 1000 + rng.randint(0, 2000)
                if rng.random() < 0.7:
                    request(t + 900 + d2 + d3, "/api/v3/ticker/price", attempt=3, rid=rid, inflight=1)
                else:
                    request(t + 900 + d2 + d3, "/api/v3/ticker/price", status=503, attempt=3, rid=rid, inflight=1)
                    app.log(t + 900 + d2 + d3 + 200, "escalation", "retry budget exhausted on /api/v3/ticker/price",
                            reason="platform", request_id=rid)
    app.log(ms(10, 12), "circuit_breaker", "breaker opened", breaker="rate_limit", state="open")
    app.log(ms(10, 13), "circuit_breaker", "breaker half-open", breaker="rate_limit", state="half_open")
    app.log(ms(10, 13, 5), "circuit_breaker", "breaker closed", breaker="rate_limit", state="closed")

    # Streams: Binance depth diffs with U/u, one disconnect, backoff with jitter, one gap the bot catches.
    stream = "btcusdt@depth"
    streams.log(start + 1200, "ws_connect", stream=stream)
    streams.log(start + 1300, "resync", stream=stream, mode="snapshot", items=1000, latency_ms=640)
    last = 1000000
    t = start + 2000
    disconnected = False
    gap_done = False
    while t < end:
        t += 5000
        if not disconnected and t > ms(10):
            disconnected = True
            streams.log(t, "ws_disconnect", stream=stream, close_code=1006, last_message_ago_ms=5180, uptime_seconds=3598)
            delay = 0
            for attempt, base in enumerate([1000, 2000, 4000], start=1):
                delay += base // 2 + rng.randint(0, base)
                streams.log(t + delay, "ws_reconnect_attempt", stream=stream, attempt=attempt,
                            delay_ms=base // 2 + rng.randint(0, base), outcome="failed" if attempt < 3 else "ok")
            t += delay + 100
            streams.log(t, "ws_connect", stream=stream)
            streams.log(t + 50, "resync", stream=stream, mode="snapshot", items=1000, latency_ms=710)
            last += 500
            continue
        first = last + 1
        if not gap_done and t > ms(10, 30):
            gap_done = True
            first = last + 40  # 39 updates lost
            streams.log(t, "ws_message", stream=stream, U=first, u=first + 9)
            streams.log(t + 2, "ws_gap", stream=stream, expected=last + 1, got=first)
            streams.log(t + 5, "resync", stream=stream, mode="snapshot", items=1000, latency_ms=590)
            last = first + 9
            continue
        last = first + rng.randint(3, 12)
        streams.log(t, "ws_message", stream=stream, U=first, u=last)

    # The day before: a kill-switch drill and a clean restart.
    older = Pino()
    day0 = DAY - 86400000
    older.log(day0 + 3600000 * 17, "startup", "momentum-spot starting", version="1.8.1")
    older.log(day0 + 3600000 * 17 + 800, "reconcile", "reconciled open orders with the exchange", open_orders=0, positions=0)
    for k in range(1, 120):
        older.log(day0 + 3600000 * 17 + k * 30000, "heartbeat", "alive", open_orders=0)
    older.log(day0 + 3600000 * 18 + 2000, "kill_switch", "kill switch engaged: run/halt.flag present; cancelling open orders",
              action="engaged", target="run/halt.flag")
    older.log(day0 + 3600000 * 18 + 60000, "kill_switch", "kill switch released", action="released")
    return {"logs/app.jsonl": app.text(), "logs/streams.logfmt": streams.text()}, {"logs/app-2026-11-23.jsonl.gz": older.text()}


class Zap:
    """zap: {"level":"info","ts":<epoch seconds>,"caller":...,"msg":...}."""

    def __init__(self):
        self.lines = []

    def log(self, t, event, msg, **fields):
        record = {"level": "info", "ts": round(t / 1000, 3), "caller": "bot/engine.go:212", "msg": msg, "event": event}
        record.update({k: v for k, v in fields.items() if v is not None})
        self.lines.append((t, json.dumps(record, separators=(",", ":"))))

    def raw(self, t, text):
        self.lines.append((t, text))

    def text(self, truncated_tail=None):
        body = "\n".join(line for _, line in sorted(self.lines, key=lambda x: x[0])) + "\n"
        return body + (truncated_tail or "")


DEFECTS = """
A4  signed requests reuse a timestamp, one is 4 s off its record time, and -1021 rejections occur
A6  a third of signed requests carry no clock_offset_ms
B1  8 private requests in flight at once (concurrency_inflight)
B2  a 429 with Retry-After 5 s retried after 300 ms
B3  one order request made 5 attempts
B4  every retry waits exactly 1000 ms: no growth, no jitter
B5  two reconnect attempts for the same stream overlap; constant delays
C1  a 401 -2015 retried twice, no escalation
C2  the request rate rises after a 429
C3  a timed-out order re-sent under a new client order id
C4  a 400 -1013 (filter failure) retried
D1  after the second startup an order is submitted before any reconcile
D2  order_cancel without a client order id; two orders share one id
D3  a sequence gap with no ws_gap record
D4  a full resync of 48000 items
D5  no kill_switch record
E1  api_request records lack concurrency_inflight and error_code
E2  ws_disconnect records lack close_code and uptime_seconds
E3  offsets of 2600 ms logged without an alert record
E4  a 9-minute gap between heartbeats
"""


def defective():
    rng = random.Random(7)
    bot = Zap()
    start = ms(14)
    bot.log(start, "startup", "yolo-grid starting")
    bot.log(start + 500, "reconcile", "loaded balances")
    t = start + 1000
    for k in range(60):  # heartbeats every 30 s, then a 9-minute silence
        t += 30000 if k != 30 else 540000
        bot.log(t, "heartbeat", "alive")
    n = [0]

    def req(t, endpoint, method="GET", signed=True, status=200, code=None, attempt=1, inflight=None, offset=True,
            request_ts=None, retry_after=None, cid=None, rid=None):
        latency = rng.randint(30, 120)
        if rid is None:
            n[0] += 1
            rid = f"q{n[0]}"
        fields = dict(endpoint=endpoint, method=method, status=status, attempt=attempt, latency_ms=latency, signed=signed,
                      request_id=rid, client_order_id=cid, retry_after=retry_after)
        if code is not None:
            fields["error_code"] = code
        if inflight is not None:
            fields["concurrency_inflight"] = inflight
        if signed:
            fields["request_timestamp"] = int(request_ts if request_ts is not None else t)
            fields["recv_window"] = 5000
            if offset:
                fields["clock_offset_ms"] = round(rng.uniform(-20, 20), 1)
        bot.log(t + latency, "api_request", f"{method} {endpoint} {status}", **fields)
        return rid

    t = start + 2000
    for k in range(900):  # the steady traffic; a third without clock_offset_ms, none with concurrency_inflight
        t += rng.randint(1500, 3500)
        req(t, "/api/v3/openOrders", offset=(k % 3 != 0))
        req(t + 100, "/api/v3/depth", signed=False)
    base = start + 60000
    # A4: a reused timestamp, a 4 s stale one, and -1021 rejections.
    req(base, "/api/v3/account", request_ts=base - 10)
    req(base + 50, "/api/v3/account", request_ts=base - 10)
    req(base + 5000, "/api/v3/account", request_ts=base + 1000)
    req(base + 9000, "/api/v3/openOrders", status=400, code="-1021")
    # B1: eight signed requests in flight.
    for k in range(8):
        req(base + 20000 + k * 5, "/api/v3/order", method="GET", inflight=k + 1)
    # B2 + B4: a 429 with Retry-After 5 retried after 300 ms; every retry waits exactly 1000 ms otherwise.
    rid = req(base + 30000, "/api/v3/depth", signed=False, status=429, code="-1003", retry_after=5)
    req(base + 30300, "/api/v3/depth", signed=False, attempt=2, rid=rid)
    for k in range(12):
        rid = req(base + 40000 + k * 9000, "/api/v3/ticker/price", signed=False, status=503)
        req(base + 41000 + k * 9000, "/api/v3/ticker/price", signed=False, status=503, attempt=2, rid=rid)
        req(base + 42000 + k * 9000, "/api/v3/ticker/price", signed=False, attempt=3, rid=rid)
    # C2: more requests right after a 429 than before it.
    t429 = base + 200000
    req(t429, "/api/v3/exchangeInfo", signed=False, status=429, code="-1003", retry_after=1)
    for k in range(25):
        req(t429 + 1500 + k * 200, "/api/v3/exchangeInfo", signed=False)
    # B3 + C3: an order tried five times, the re-send under a new client order id after a timeout.
    bot.log(base + 300000, "order_submit", "submit", client_order_id="grid-77")
    rid = req(base + 300010, "/api/v3/order", method="POST", status=504, cid="grid-77")
    for attempt in range(2, 6):
        req(base + 300010 + attempt * 1000, "/api/v3/order", method="POST", status=504 if attempt < 5 else 200,
            attempt=attempt, rid=rid, cid=f"grid-77-r{attempt}")
    # C1: a 401 -2015 retried twice, no escalation.
    rid = req(base + 400000, "/api/v3/account", status=401, code="-2015")
    req(base + 401000, "/api/v3/account", status=401, code="-2015", attempt=2, rid=rid)
    req(base + 402000, "/api/v3/account", status=401, code="-2015", attempt=3, rid=rid)
    # C4: a filter failure retried.
    rid = req(base + 500000, "/api/v3/order", method="POST", status=400, code="-1013", cid="grid-90")
    req(base + 501000, "/api/v3/order", method="POST", status=400, code="-1013", attempt=2, rid=rid, cid="grid-90")
    # D2: a cancel without an id; two orders sharing one.
    bot.log(base + 600000, "order_submit", "submit", client_order_id="grid-100", symbol="ETHUSDT")
    bot.log(base + 610000, "order_submit", "submit", client_order_id="grid-100", symbol="SOLUSDT")
    bot.log(base + 620000, "order_cancel", "cancel")
    # E3: offsets over the 2000 ms alert threshold, no alert record.
    for k in range(3):
        bot.log(base + 700000 + k * 1000, "api_request", "GET /api/v3/openOrders 200", endpoint="/api/v3/openOrders",
                method="GET", status=200, attempt=1, latency_ms=40, signed=True, request_timestamp=base + 700000 + k * 1000,
                recv_window=5000, clock_offset_ms=2600.0 + k, request_id=f"off{k}")
    # D1: a restart, then an order before any reconcile, re-using an id from before the restart.
    restart = base + 800000
    bot.log(restart, "startup", "yolo-grid starting")
    bot.log(restart + 300, "order_submit", "submit", client_order_id="grid-77")
    # Streams: overlapping reconnects with constant delays, a gap without a ws_gap record, a full resync,
    # disconnects without close_code and uptime_seconds.
    s = "ethusdt@depth"
    bot.log(start + 800, "ws_connect", "connected", stream=s)
    last = 500
    tt = start + 2000
    for k in range(400):
        tt += 1000
        first = last + 1 if k != 200 else last + 25
        last = first + rng.randint(2, 8)
        bot.log(tt, "ws_message", "depth update", stream=s, U=first, u=last)
    drop = start + 150000
    bot.log(drop, "ws_disconnect", "socket closed", stream=s, last_message_ago_ms=3000)
    bot.log(drop + 1000, "ws_reconnect_attempt", "reconnecting", stream=s, attempt=1)
    bot.log(drop + 1200, "ws_reconnect_attempt", "reconnecting", stream=s, attempt=1)
    bot.log(drop + 2000, "ws_reconnect_attempt", "reconnecting", stream=s, attempt=2)
    bot.log(drop + 3000, "ws_reconnect_attempt", "reconnecting", stream=s, attempt=3)
    bot.log(drop + 3100, "ws_connect", "connected", stream=s)
    bot.log(drop + 3200, "resync", "refetching all orders and trades", stream=s, mode="full", items=48000, latency_ms=41000)
    bot.log(drop + 90000, "ws_disconnect", "socket closed", stream=s)
    # Bad input, on purpose: an invalid line, binary junk, an unknown event, a record without a time.
    bot.raw(start + 5, '{"level":"info","ts":%.1f,"msg":"half written",' % ((start + 5) / 1000))
    bot.raw(start + 6, "\x00\x01\x02 binary junk \x7f")
    bot.log(start + 7, "gc_pause", "gc pause 12 ms")
    bot.raw(start + 8, '{"level":"info","msg":"no time here","event":"heartbeat"}')
    return {"logs/bot.jsonl": bot.text(truncated_tail='{"level":"info","ts":%.1f,"msg":"cut off' % (ms(23) / 1000))}


def write(bot, files, gz):
    for name, text in files.items():
        path = os.path.join(ROOT, bot, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    for name, text in gz.items():
        path = os.path.join(ROOT, bot, name)
        with open(path, "wb") as handle:
            # mtime 0: the same bytes on every run.
            with gzip.GzipFile(fileobj=handle, mode="wb", mtime=0, filename="") as out:
                out.write(text.encode("utf-8"))


if __name__ == "__main__":
    files, gz = ready()
    write("ready", files, gz)
    write("defective", defective(), {})
    for bot in ("ready", "defective"):
        folder = os.path.join(ROOT, bot, "logs")
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            print(f"{bot}/logs/{name}: {os.path.getsize(path)} bytes", file=sys.stderr)
