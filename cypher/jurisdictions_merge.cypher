// Jurisdictions are shared reference nodes (one per GB/T 2260 code): created
// once, never overwritten by a later report's reading of them.
// @param rows [{"key": "510000", "props": {"key": "510000", "code": "510000", "name": "四川省", "fullName": "四川省", "level": "province", "province": "四川省"}}]
UNWIND $rows AS row
MERGE (j:Jurisdiction {key: row.key})
ON CREATE SET j = row.props
RETURN count(j) AS merged
