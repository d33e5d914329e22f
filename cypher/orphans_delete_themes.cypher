// A problem theme no remaining problem carries.
MATCH (t:ProblemTheme)
WHERE NOT (t)<-[:HAS_THEME]-()
DETACH DELETE t
