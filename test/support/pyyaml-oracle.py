#!/usr/bin/env python3
"""PyYAML as CloudFormation tools read YAML: the oracle of the YAML differential test.

Reads a JSON list of documents (strings) on stdin and writes a JSON list of results, one per
document: {"ok": true, "value": <normalised value>} or {"ok": false, "error": "..."}.

The loader is the one cfn-lint uses (libyaml's CSafeLoader when PyYAML has it, else the pure
SafeLoader; `--pure` forces the latter), with CloudFormation's short-form tags ("!Ref", "!Sub",
... as cfn-lint's multi-constructor builds them) and without the timestamp resolver:
CloudFormation has no timestamp type, so `2010-09-09` stays a string.

Values are normalised so that the TypeScript side can compare them exactly:
  mapping  -> {"m": [[key, value], ...]}   (last value wins, first position kept, as dict does)
  sequence -> {"s": [...]}
  string   -> {"str": "..."}, int -> {"int": "123"} (as text: no float rounding),
  float    -> {"float": repr}, bool -> {"bool": true}, null -> {"null": true}
"""
import json
import math
import sys

import yaml

PURE = "--pure" in sys.argv
BaseLoader = yaml.SafeLoader if PURE or not getattr(yaml, "__with_libyaml__", False) else yaml.CSafeLoader


class CfnLoader(BaseLoader):
    pass


# No timestamps: drop the implicit resolver for them (a copy per first letter).
CfnLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in BaseLoader.yaml_implicit_resolvers.items()
}


def multi_constructor(loader, suffix, node):
    name = suffix if suffix in ("Ref", "Condition") else "Fn::" + suffix
    if name == "Fn::GetAtt" and isinstance(node, yaml.ScalarNode):
        return {name: loader.construct_scalar(node).split(".", 1)}
    if isinstance(node, yaml.ScalarNode):
        return {name: loader.construct_scalar(node)}
    if isinstance(node, yaml.SequenceNode):
        return {name: loader.construct_sequence(node, deep=True)}
    return {name: loader.construct_mapping(node, deep=True)}


CfnLoader.add_multi_constructor("!", multi_constructor)


class Unhashable(Exception):
    pass


def norm(v, depth=0):
    if depth > 400:
        raise RecursionError("too deep")
    if isinstance(v, dict):
        return {"m": [[norm(k, depth + 1), norm(x, depth + 1)] for k, x in v.items()]}
    if isinstance(v, (list, tuple)):
        return {"s": [norm(x, depth + 1) for x in v]}
    if isinstance(v, bool):
        return {"bool": v}
    if isinstance(v, int):
        return {"int": str(v)}
    if isinstance(v, float):
        if math.isnan(v):
            return {"float": "nan"}
        if math.isinf(v):
            return {"float": "inf" if v > 0 else "-inf"}
        return {"float": repr(v)}
    if v is None:
        return {"null": True}
    if isinstance(v, bytes):
        return {"bytes": v.hex()}
    if isinstance(v, set):
        return {"set": sorted(str(x) for x in v)}
    return {"str": str(v)}


def load(text):
    try:
        loader = CfnLoader(text)
        try:
            value = loader.get_single_data()
        finally:
            loader.dispose()
        return {"ok": True, "value": norm(value)}
    except RecursionError:
        return {"ok": False, "error": "recursion"}
    except Exception as e:  # any YAMLError, or a constructor failure on odd input
        return {"ok": False, "error": "%s: %s" % (type(e).__name__, " / ".join(str(e).splitlines()))}


def main():
    sys.setrecursionlimit(10000)
    docs = json.load(sys.stdin)
    sys.stdout.write(json.dumps([load(d) for d in docs]))


if __name__ == "__main__":
    main()
