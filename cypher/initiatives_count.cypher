// How many initiatives match the filter of initiatives_list (totalCount).
// @param category null
// @param text null
MATCH (i:Initiative)
WHERE ($category IS NULL OR i.category = $category)
  AND ($text IS NULL OR i.name CONTAINS $text OR any(alias IN i.aliases WHERE alias CONTAINS $text))
RETURN count(i) AS total
