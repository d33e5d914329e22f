// A regulation no report cites has lost its evidence. Only the candidates
// (those the deleted report cited: report_features) are tested.
// (COUNT { } = 0: see orphans_delete_initiatives.)
// @param titles ["法治政府建设实施纲要（2021—2025年）"]
UNWIND $titles AS title
MATCH (g:Regulation {title: title})
WHERE COUNT { (g)<-[:CITES]-() } = 0
DETACH DELETE g
