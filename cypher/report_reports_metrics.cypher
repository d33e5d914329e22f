// Quantitative facts: the indicator is shared, the value sits on the relationship.
// @param id "r-example"
// @param rows [{"indicator": "会前学法", "rel": {"value": 19, "unit": "次", "surface": "会前学法19次", "qualifier": null, "starts": [5], "ends": [12], "sentences": ["…"], "sections": ["一、"]}}]
MATCH (r:Report {id: $id})
UNWIND $rows AS row
MERGE (n:Indicator {name: row.indicator})
CREATE (r)-[x:REPORTS]->(n)
SET x = row.rel
RETURN count(x) AS reported
