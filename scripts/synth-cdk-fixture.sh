#!/usr/bin/env bash
# Regenerates test/fixtures/cdk-app/cdk.out: synthesises app.ts with aws-cdk-lib and the aws-cdk CLI
# from npm, with stack traces on (`--debug`) and source maps, as a CDK user's `cdk synth --debug`
# would. Needs the npm registry; the tests only read the committed output, offline. The CDK stays
# out of this project's dependencies: it is installed into a temporary folder.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
APP="$ROOT/test/fixtures/cdk-app"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK" "$APP/build"; rm -f "$APP/node_modules"' EXIT

npm install --prefix "$WORK" --no-audit --no-fund --silent aws-cdk-lib@2.278.0 constructs@10.8.1 aws-cdk@2.1149.0
ln -sfn "$WORK/node_modules" "$APP/node_modules"
"$ROOT/node_modules/.bin/tsc" -p "$APP"
rm -rf "$APP/cdk.out"
cd "$APP"
"$WORK/node_modules/.bin/cdk" synth --debug --quiet --no-version-reporting --no-notices --output cdk.out >/dev/null
echo "synthesised $(find cdk.out -name '*.template.json' | wc -l) stack templates into $APP/cdk.out"
