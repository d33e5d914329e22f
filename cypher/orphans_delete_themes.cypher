// A problem theme no remaining problem carries. Only the candidates (the
// themes of the deleted report's problems: report_features) are tested.
// (COUNT { } = 0: see orphans_delete_initiatives.)
// @param names ["执法能力不足"]
UNWIND $names AS name
MATCH (t:ProblemTheme {name: name})
WHERE COUNT { (t)<-[:HAS_THEME]-() } = 0
DETACH DELETE t
