#!/usr/bin/env bash
# Regenerates man/swiftray.1 and completions/ (bash, zsh, fish) from the command tree, and
# records a hash of the command tree (`swiftray --experimental-dump-help`) beside the man page.
# Tests/IntegrationTests/GeneratedDocsTests fails when either is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product swiftray >&2
bin="$(swift build --show-bin-path)/swiftray"
mkdir -p man completions
"$bin" --generate-completion-script bash > completions/swiftray.bash
"$bin" --generate-completion-script zsh > completions/_swiftray
"$bin" --generate-completion-script fish > completions/swiftray.fish
swift package plugin --allow-writing-to-package-directory generate-manual --date 2026-01-01 --output-directory man >&2 \
  || swift package generate-manual --date 2026-01-01 --output-directory man >&2
"$bin" --experimental-dump-help | sha256sum | cut -d' ' -f1 > man/swiftray.1.sha256
echo "regenerated man/swiftray.1 and completions/"
