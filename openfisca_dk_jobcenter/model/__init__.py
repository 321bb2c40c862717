"""Modellens byggesten, som variablerne og lagene over dem deler.

- `ordninger`: registret, hver ordning ét sted (tilskudsvariabel, entitet, befolkningsmodul …)
- `kategorier`: de fælles kategorier (målgruppe, uddannelsesniveau, sektor) og `foerste_grund`
- `kilder`: de kilder, variablerne henviser til
- `datoer`: vektoriseret datoregning (alder, måneder lagt til, andel af en måned)
- `forloeb`: reglerne, som formlerne læser dem: på et forløbs første dag (`foerste_dag`) eller
  i måneden (`maanedens_regler`), og alderen på den dag
- `domaener`: hvad et input må være (timer, kroner, datoer …), med danske fejlbeskeder
- `parametertrae`: ét opslag af en parameter ved sin sti og gang i træet
- `yamlfil`: den ene sikre YAML-læser (YAML-testene, reformfilerne, testene)
- `situation`, `kildegrad`: situationens virksomheder og parametrenes kildegrader

Intet her importerer simuleringsmotoren, analysen eller web-API'et (tests/test_lag.py).
"""
