// Whether stored reports are what would be written now: the same extractor
// version, year and title (ingestReport can override the year and the title,
// so one text may be asked to be stored with another year). Decides between
// 'unchanged', 'replaced' and 'created'; no row for a report not stored.
// Several reports at once (a batch of writes, write.ts): $years[n] and
// $titles[n] belong to $ids[n].
// @param ids ["r-example"]
// @param version "0.3.1"
// @param years [2024] :: ReadonlyArray<number | null>
// @param titles [null] :: ReadonlyArray<string | null>
// @returns id string
// @returns same boolean
UNWIND range(0, size($ids) - 1) AS n
MATCH (r:Report {id: $ids[n]})
RETURN r.id AS id, r.extractorVersion = $version AND coalesce(r.year, -1) = coalesce($years[n], -1) AND coalesce(r.title, '') = coalesce($titles[n], '') AS same
