// Why the graph links each of a batch of jurisdictions to an initiative or a
// regulation: the mentions in its reports, newest first. $initiatives /
// $regulations hold the names the user's term may stand for (null: that kind
// is not asked for).
// @param keys ["360202"]
// @param initiatives ["行政执法三项制度", "三项制度"]
// @param regulations null :: ReadonlyArray<string> | null
// @returns key string
// @returns reportId string
// @returns year number | null
// @returns link LinkShape
UNWIND $keys AS key
MATCH (:Jurisdiction {key: key})<-[:ABOUT]-(r:Report)-[link:MENTIONS|CITES]->(x)
WHERE ($initiatives IS NOT NULL AND x:Initiative AND (x.name IN $initiatives OR any(alias IN x.aliases WHERE alias IN $initiatives)))
   OR ($regulations IS NOT NULL AND x:Regulation AND (x.title IN $regulations OR any(alias IN x.aliases WHERE alias IN $regulations)))
RETURN key, r.id AS reportId, r.year AS year, link {.*} AS link
ORDER BY key, year DESC, reportId
