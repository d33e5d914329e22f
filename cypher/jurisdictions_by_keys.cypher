// Batch load of jurisdictions by key (the Jurisdiction node loader).
// @param keys ["510604"]
UNWIND $keys AS key
MATCH (j:Jurisdiction {key: key})
RETURN key, j {.*} AS jurisdiction
