// Readiness probe: the store answers a trivial statement.
// @returns ok number
RETURN 1 AS ok
