#!/usr/bin/env bash
# Lays out what one app's container image holds, from a built work tree: the root and workspace
# package manifests (npm ci needs every workspace's package.json to accept the lock file), the
# libraries' built output and the app's own (with its public/ static files, if any). The Dockerfile runs this in its build stage and copies
# the result; apps/sync-e2e's container test runs it too and starts the app from the result, so
# the image's contents are tested without a Docker engine.
#   bash deploy/assemble.sh <app> <out-dir>
set -euo pipefail
app=$1
out=$2
cd "$(dirname "$0")/.."
[ -f "apps/$app/dist/main.js" ] || { echo "assemble: apps/$app/dist/main.js missing: build first" >&2; exit 1; }
mkdir -p "$out"
cp --parents package.json package-lock.json apps/*/package.json libs/*/package.json "$out/"
cp -r --parents libs/*/dist "apps/$app/dist" "$out/"
# Static files an app serves as they are (pipeline-view's page).
if [ -d "apps/$app/public" ]; then cp -r --parents "apps/$app/public" "$out/"; fi
