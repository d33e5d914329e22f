// The names of the initiatives a jurisdiction list by initiative starts from
// (jurisdictions_list_by_initiative_rollup's `i`): the embedded store's
// co-occurrence index lists their jurisdictions from its rollup
// (src/store/indexed-list.ts), the statement's nodes read by their names.
// @returns name string
MATCH (i:Initiative)
WHERE {{initiative_named}}
RETURN i.name AS name
