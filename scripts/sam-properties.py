#!/usr/bin/env python3
"""Prints the property names of every AWS::Serverless::* resource type, from the SAM translator's
own schema models (aws-sam-translator, AWS's maintained SAM implementation), as the JSON that
rules/src/data/sam-properties.json holds. `npm run update:sam-properties` writes that file;
scripts/build-spec-index.js merges it into the bundled resource specification (names only: the
old SAM snapshot of the CloudFormation specification lags SAM by years)."""
import json

import samtranslator
from samtranslator.internal.schema_source.schema import Model, get_schema

schema = get_schema(Model)
definitions = schema["definitions"]
out = {}
for ref in schema["properties"]["Resources"]["additionalProperties"]["anyOf"]:
    resource = definitions[ref["$ref"].split("/")[-1]]
    (resource_type,) = resource["properties"]["Type"]["enum"]
    props = resource["properties"].get("Properties", {})
    props_ref = props.get("$ref") or (props.get("allOf") or [{}])[0].get("$ref")
    names = sorted(definitions[props_ref.split("/")[-1]].get("properties", {})) if props_ref else []
    out[resource_type] = names

print(json.dumps({"source": f"aws-sam-translator {samtranslator.__version__}", "resources": dict(sorted(out.items()))}, indent=2))
