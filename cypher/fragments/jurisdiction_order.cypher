// The order of a jurisdiction list: $orderBy ('reports', 'name' or
// 'fullName') and $descending over `j` and the number of its reports. ORDER
// BY cannot take a property name as a parameter: each order is a CASE key
// that is null (and so neutral) unless chosen; the full name breaks ties.
// The reports are counted only when they decide the order: the count walks
// every report of every matched jurisdiction (25 of the 37 ms of "which
// counties mention 国家宪法日" at 50,000 reports, 2,747 counties).
// @param orderBy "fullName"
// @param descending false
WITH j, CASE WHEN $orderBy = 'reports' THEN COUNT { (j)<-[:ABOUT]-(:Report) } END AS reports
ORDER BY
  CASE WHEN $orderBy = 'reports' AND NOT $descending THEN reports END ASC,
  CASE WHEN $orderBy = 'reports' AND $descending THEN reports END DESC,
  CASE WHEN $orderBy = 'name' AND NOT $descending THEN j.name END ASC,
  CASE WHEN $orderBy = 'name' AND $descending THEN j.name END DESC,
  CASE WHEN $orderBy = 'fullName' AND $descending THEN j.fullName END DESC,
  j.fullName ASC
