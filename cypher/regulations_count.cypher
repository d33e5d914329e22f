// How many regulations match the filter of regulations_list (totalCount).
// @param kind null
// @param scope null
// @param text null
MATCH (g:Regulation)
WHERE ($kind IS NULL OR g.kind = $kind)
  AND ($scope IS NULL OR g.scope = $scope)
  AND ($text IS NULL OR g.title CONTAINS $text)
RETURN count(g) AS total
