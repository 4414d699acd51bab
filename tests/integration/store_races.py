"""Helpers of the store tests: threads released at once, and the error InnoDB raises on a deadlock
(and where a test makes it happen)."""

import threading
from contextlib import contextmanager

from django.db import OperationalError, connection, connections


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


@contextmanager
def deadlocked_inserts(model, times):
    """The first ``times`` INSERTs into ``model``'s table fail as InnoDB's deadlock victim does
    (raised at the database cursor, whichever ORM call wrote them); yields the list of the rows
    each INSERT carried (its count of value tuples), in order."""
    table = connection.ops.quote_name(model._meta.db_table)
    inserts = []

    def wrapper(execute, sql, params, many, context):
        if sql.startswith(f"INSERT INTO {table} "):
            inserts.append(sql.count("(%s"))
            if len(inserts) <= times:
                raise deadlock()
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield inserts
