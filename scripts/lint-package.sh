#!/usr/bin/env bash
# Lints the package as it would be published: packs it once (`prepare` builds dist/), then
# publint checks the tarball's package.json against its files and attw resolves its types the
# way TypeScript does for an ESM-only package (node16/nodenext ESM and bundlers; no CommonJS).
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
npm pack --silent --pack-destination "$out" >/dev/null
tarball=("$out"/*.tgz)
npx publint run "${tarball[0]}" --strict
npx attw "${tarball[0]}" --profile esm-only --no-definitely-typed
