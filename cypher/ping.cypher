// Readiness probe: the store answers a trivial statement.
RETURN 1 AS ok
