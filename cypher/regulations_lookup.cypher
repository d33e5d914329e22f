// Regulations whose canonical title or any surface form is one of the given titles.
// @param titles ["法治政府建设实施纲要（2021—2025年）"]
// @returns regulation RegulationShape
MATCH (g:Regulation)
WHERE g.title IN $titles OR any(alias IN g.aliases WHERE alias IN $titles)
RETURN g {.*} AS regulation
ORDER BY g.title
