// An indicator no report reports a value for. Only the candidates (those the
// deleted report reported: report_features) are tested.
// (COUNT { } = 0: see orphans_delete_initiatives.)
// @param names ["行政复议案件"]
UNWIND $names AS name
MATCH (x:Indicator {name: name})
WHERE COUNT { (x)<-[:REPORTS]-() } = 0
DETACH DELETE x
