"""Modellens byggesten, som variablerne og lagene over dem deler.

- `ordninger`: registret, hver ordning ét sted (tilskudsvariabel, entitet, befolkningsmodul …)
- `kategorier`: de fælles kategorier (målgruppe, uddannelsesniveau, sektor) og `foerste_grund`
- `kilder`: de kilder, variablerne henviser til
- `datoer`: vektoriseret datoregning (alder, måneder lagt til, andel af en måned)
- `forloeb`: et forløbs første dag for formlerne (reglerne på den dag, alderen den dag)
- `domaener`: hvad et input må være (timer, kroner, datoer …), med danske fejlbeskeder
- `situation`, `parametertrae`, `kildegrad`, `husk`: situationens virksomheder, parametertræet,
  kildegraderne og svar, der huskes, så længe et array lever

Intet her importerer simuleringsmotoren, analysen eller web-API'et (tests/test_lag.py).
"""
