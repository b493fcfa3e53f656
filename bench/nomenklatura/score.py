"""Scores screening queries against the UFLPA Entity List with nomenklatura's logic-v2.

Reads JSON on stdin: {"entities": [{"id", "name", "aliases", "formerNames", "localNames",
"country"}], "queries": [{"id", "query", "country"}], "top": N}. Writes JSON on stdout:
{"version": ..., "results": {query id: [[entity id, score], ...best first, at most N]}}.

logic-v2 compares one pair of entities at a time. With 187 listed entities there is no
need for a blocking step: every query is compared with every entity, so no candidate is
lost to blocking and nomenklatura is judged on its scoring alone.
"""

import json
import sys
from importlib.metadata import version

from followthemoney import model
from nomenklatura.matching import get_algorithm


def listed_entity(e):
    ent = model.make_entity("Company")
    ent.id = "e-" + e["id"]
    ent.add("name", e["name"])
    ent.add("name", e.get("localNames") or [])
    ent.add("alias", e.get("aliases") or [])
    ent.add("previousName", e.get("formerNames") or [])
    if e.get("country"):
        ent.add("country", e["country"].lower())
    return ent


def query_entity(q):
    ent = model.make_entity("Company")
    # logic-v2 caches names by entity id, so each query needs its own
    ent.id = "q-" + q["id"]
    ent.add("name", q["query"])
    if q.get("country"):
        ent.add("country", q["country"].lower())
    return ent


def main():
    req = json.load(sys.stdin)
    algorithm = get_algorithm("logic-v2")
    if algorithm is None:
        raise SystemExit("nomenklatura has no logic-v2 algorithm")
    config = algorithm.default_config()
    entities = [(e["id"], listed_entity(e)) for e in req["entities"]]
    top = int(req.get("top", 3))
    results = {}
    for q in req["queries"]:
        qe = query_entity(q)
        scored = []
        for eid, ent in entities:
            score = algorithm.compare(qe, ent, config).score
            if score > 0:
                scored.append((eid, round(float(score), 4)))
        scored.sort(key=lambda s: -s[1])
        results[q["id"]] = scored[:top]
    json.dump({"version": version("nomenklatura"), "algorithm": algorithm.NAME, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
