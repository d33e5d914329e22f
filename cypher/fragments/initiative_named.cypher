// The initiatives a jurisdiction list by initiative starts from (`i`): named
// by one of $initiatives (its name or an alias: the lexicon's canonical name
// and the term as typed), of the category when one is given.
// @param initiatives ["行政执法三项制度", "三项制度"]
// @param initiativeCategory null :: string | null
(i.name IN $initiatives OR any(alias IN i.aliases WHERE alias IN $initiatives))
  AND ($initiativeCategory IS NULL OR i.category = $initiativeCategory)
