#!/usr/bin/env bash
# Installs what the benchmarks (benchmarks/README.md) compare against and CI does not need: the Durable Task sidecar
# durabletask-go (github.com/microsoft/durabletask-go, pinned) into .emulators/bin. Kept out of install-emulators.sh
# so CI is not slowed. Needs Go.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

DURABLETASK_GO_VERSION=v0.6.0
bin="$PWD/.emulators/bin"
mkdir -p "$bin"

if [[ -x "$bin/durabletask-go" && -f "$bin/durabletask-go.version" \
      && "$(cat "$bin/durabletask-go.version")" == "$DURABLETASK_GO_VERSION" ]]; then
  echo "durabletask-go $DURABLETASK_GO_VERSION already installed"
  exit 0
fi

# `GOBIN=... go install module@version` fails here: it asks the module proxy for the module's version list (to look
# for a deprecation notice) and the proxy answers 403 for that list, though it serves the pinned version itself.
# Building from a throw-away module that requires the pinned version avoids that look-up.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(
  cd "$work"
  go mod init skystate-benchmark-tools >/dev/null 2>&1
  go get "github.com/microsoft/durabletask-go@$DURABLETASK_GO_VERSION"
  go build -o "$bin/durabletask-go" github.com/microsoft/durabletask-go
)
echo "$DURABLETASK_GO_VERSION" > "$bin/durabletask-go.version"
echo "installed $bin/durabletask-go ($DURABLETASK_GO_VERSION)"
