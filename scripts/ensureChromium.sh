#!/usr/bin/env bash
# The secrets page is tested in Debian's Chromium (src/secretsPageBrowser.test.ts).
# Installs it when it is missing, so that the README's test command works on a
# fresh machine; quiet unless it fails.
set -u
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
log="${TMPDIR:-/tmp}/mcp-actions-chromium-install.log"
echo "Installing Debian's chromium for the browser tests (log: $log) ..."
if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; } >"$log" 2>&1; then
  echo "Installing chromium failed; the browser tests will fail. Last lines of $log:"
  tail -20 "$log"
fi
exit 0
