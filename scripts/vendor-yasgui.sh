#!/usr/bin/env bash
# Vendor YASGUI's browser build into the package, so the query editor needs no network.
#
# Installs the exact version that yasgui/package-lock.json pins (npm ci; no install
# scripts run), then copies the built script and stylesheet, YASGUI's licence and the
# licences of every package bundled into the build to src/aseankg/web/static/vendor/yasgui/.
# To move to another version: change the version in yasgui/package.json, run
# `npm install --package-lock-only --ignore-scripts` in scripts/yasgui, then this script.
set -euo pipefail
export LC_ALL=C  # the same sort order everywhere

here="$(cd "$(dirname "$0")" && pwd)"
target="$here/../src/aseankg/web/static/vendor/yasgui"
cd "$here/yasgui"
npm ci --ignore-scripts --no-audit --no-fund

build=node_modules/@zazuko/yasgui/build
rm -rf "$target"
mkdir -p "$target"
# The source map is not shipped, so the line pointing at it goes.
sed '/^\/\/# sourceMappingURL=/d' "$build/yasgui.min.js" >"$target/yasgui.min.js"
cp "$build/yasgui.min.css" "$target/yasgui.min.css"
# The npm package carries no licence file; this is the project's MIT licence text.
cp LICENSE "$target/LICENSE"

# Every package the build bundles, with its licence text.
{
    echo "Packages bundled into yasgui.min.js and yasgui.min.css, with their licences."
    npm ls --all --omit=dev --parseable | tail -n +2 | sort -u | while read -r package; do
        echo
        echo "== $(node -p "const p = require('$package/package.json'); p.name + ' ' + p.version + ' (' + (p.license || 'no licence field') + ')'")"
        licence="$(find "$package" -maxdepth 1 -type f -iname 'licen[cs]e*' | sort | head -n 1)"
        if [ -n "$licence" ]; then
            echo
            cat "$licence"
        fi
    done
} >"$target/THIRD-PARTY-LICENSES"

node -p 'require("./node_modules/@zazuko/yasgui/package.json").version' >"$target/VERSION"
echo "YASGUI $(cat "$target/VERSION") vendored into $target"
