// The place conditions on a jurisdiction `j` of the jurisdiction filter
// (jurisdictions_list, _facets, _by_initiative): level, province, prefecture
// and a part of the full name; null = no condition.
// @param level "county"
// @param province null :: string | null
// @param prefecture null :: string | null
// @param text null :: string | null
($level IS NULL OR j.level = $level)
  AND ($province IS NULL OR j.province = $province)
  AND ($prefecture IS NULL OR j.prefecture = $prefecture OR (j.level = 'prefecture' AND j.name = $prefecture))
  AND ($text IS NULL OR j.fullName CONTAINS $text)
