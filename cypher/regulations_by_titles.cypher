// Batch load of regulations by canonical title (the Regulation node loader).
// @param titles ["法治政府建设实施纲要（2021—2025年）"]
// @cache-by titles regulation
// @returns title string
// @returns regulation RegulationShape
UNWIND $titles AS title
MATCH (g:Regulation {title: title})
RETURN title, g {.*} AS regulation
