"""Locust for bench/peers.sh: FastHttpUser users requesting /fixed in a loop (PEER_RATE unset: as fast as they can;
PEER_RATE=r with -u C users: each paced at r/C requests/s). Prints one JSON line with what Locust counted and, when
paced, percentiles of every response time from its request event (FastHttpUser in Locust 2.12 gives whole ms)."""
import json
import math
import os

from locust import FastHttpUser, constant_throughput, events, task

RATE = float(os.environ.get("PEER_RATE", "0"))
USERS = int(os.environ.get("PEER_USERS", "1"))
times = []


class Peer(FastHttpUser):
    if RATE > 0:
        wait_time = constant_throughput(RATE / USERS)

    @task
    def fixed(self):
        self.client.get("/fixed")


if RATE > 0:
    @events.request.add_listener
    def on_request(response_time, exception, **kwargs):
        if exception is None:
            times.append(response_time)


@events.test_stop.add_listener
def report(environment, **kwargs):
    total = environment.runner.stats.total
    out = {"requests": total.num_requests,
           "seconds": max(total.last_request_timestamp - total.start_time, 1e-9),
           "errors": total.num_failures}
    if RATE > 0:
        times.sort()
        at = lambda p: 1000 * times[min(len(times) - 1, math.ceil(p / 100 * len(times)) - 1)] if times else 0
        out.update(p50Us=at(50), p95Us=at(95), p99Us=at(99), maxUs=at(100))
    print("PEER_RESULT " + json.dumps(out), flush=True)
