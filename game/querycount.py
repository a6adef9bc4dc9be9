"""Counting a view's SQL queries the same way in tests and benchmarks.

Transaction control (BEGIN, COMMIT, SAVEPOINT ...) is not counted: a test wraps every view's
`atomic()` in a savepoint, SQLite logs its BEGIN, PostgreSQL does not; none of them is work
the database does for the page.
"""

TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT", "BEGIN", "COMMIT", "ROLLBACK")


def data_queries(captured: list[dict]) -> list[str]:
    """The SQL of the captured queries that read or write data."""
    return [q["sql"] for q in captured if not q["sql"].lstrip().upper().startswith(TRANSACTION_CONTROL)]
