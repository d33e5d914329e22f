// The order of a jurisdiction list: $orderBy ('reports', 'name' or
// 'fullName') and $descending over `j` and its `reports` count. ORDER BY
// cannot take a property name as a parameter: each order is a CASE key that
// is null (and so neutral) unless chosen; the full name breaks ties.
// @param orderBy "fullName"
// @param descending false
ORDER BY
  CASE WHEN $orderBy = 'reports' AND NOT $descending THEN reports END ASC,
  CASE WHEN $orderBy = 'reports' AND $descending THEN reports END DESC,
  CASE WHEN $orderBy = 'name' AND NOT $descending THEN j.name END ASC,
  CASE WHEN $orderBy = 'name' AND $descending THEN j.name END DESC,
  CASE WHEN $orderBy = 'fullName' AND $descending THEN j.fullName END DESC,
  j.fullName ASC
