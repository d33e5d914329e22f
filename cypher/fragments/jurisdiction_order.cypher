// The order of a jurisdiction list: $orderBy ('reports', 'name' or
// 'fullName') and $descending over `j` and the number of its reports. ORDER
// BY cannot take a property name as a parameter: the chosen order's value is
// one sort key (a number or a string, the same for every row of a list),
// ascending or descending by a CASE that is null (and so neutral) unless
// chosen; the full name breaks ties. One key rather than a CASE per order and
// direction: Grafeo evaluates every sort expression of every row (the
// counties mentioning each of the 60 most mentioned initiatives at 50,000
// reports, by full name: 13.7 ms a statement with six, 11.1 with three).
// The reports are counted only when they decide the order: the
// count walks every report of every matched jurisdiction (25 of the 37 ms of
// "which counties mention 国家宪法日" at 50,000 reports, 2,747 counties).
// @param orderBy "fullName"
// @param descending false
WITH j, CASE $orderBy WHEN 'reports' THEN COUNT { (j)<-[:ABOUT]-(:Report) } WHEN 'name' THEN j.name ELSE j.fullName END AS orderKey
ORDER BY
  CASE WHEN NOT $descending THEN orderKey END ASC,
  CASE WHEN $descending THEN orderKey END DESC,
  j.fullName ASC
