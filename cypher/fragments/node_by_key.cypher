// The node a (label, key) pair names, as `s`: one UNION branch per label of
// the model (src/model.ts), each through its label's key property and so
// its index. Included inside `CALL (start) { … }` with `start` = {label, key};
// test/integration/store/model.test.ts holds the branches to the model.
MATCH (s:Report {id: start.key}) WHERE start.label = 'Report' RETURN s
UNION
MATCH (s:Jurisdiction {key: start.key}) WHERE start.label = 'Jurisdiction' RETURN s
UNION
MATCH (s:Organization {key: start.key}) WHERE start.label = 'Organization' RETURN s
UNION
MATCH (s:Initiative {name: start.key}) WHERE start.label = 'Initiative' RETURN s
UNION
MATCH (s:Regulation {title: start.key}) WHERE start.label = 'Regulation' RETURN s
UNION
MATCH (s:Problem {id: start.key}) WHERE start.label = 'Problem' RETURN s
UNION
MATCH (s:ProblemTheme {name: start.key}) WHERE start.label = 'ProblemTheme' RETURN s
UNION
MATCH (s:Plan {id: start.key}) WHERE start.label = 'Plan' RETURN s
UNION
MATCH (s:Indicator {name: start.key}) WHERE start.label = 'Indicator' RETURN s
