"""Helpers of the store tests: threads released at once, and the error InnoDB raises on a deadlock."""

import threading

from django.db import OperationalError, connections


def race(n, work):
    """Run ``work(i)`` in ``n`` threads released at once; ``[(i, result or exception)]``."""
    barrier = threading.Barrier(n)
    results = []

    def run(i):
        try:
            barrier.wait()
            results.append((i, work(i)))
        except Exception as err:  # noqa: BLE001 - the test inspects every outcome
            results.append((i, err))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def deadlock():
    """What mysqlclient raises when InnoDB picks the transaction as a deadlock's victim (1213)."""
    return OperationalError(1213, "Deadlock found when trying to get lock; try restarting transaction")
