#!/usr/bin/env bash
# Static checks of the go-live kit (deploy/): YAML, Kustomize overlays, manifests against the services' own
# configuration, Kafka topics, compose, alert rules (promtool: check and unit tests), Alertmanager routes, the Grafana
# dashboard, the runbook anchors, the environment table of deploy/README.md, and the kit's shell scripts.
# Prints PASS or FAIL per check and exits 1 if any failed. Installs what it lacks from Debian's packages (as root):
# yamllint, prometheus (promtool), prometheus-alertmanager (amtool), python3-yaml, shellcheck. kubectl (>= 1.27, for
# its Kustomize v5) is not a Debian package: it must be there.
# That every metric the rules and dashboard use is exposed is proved by MonitoringMetricsTest in each service, with a
# real scrape (./mvnw verify), not here.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() { # Debian package
  if [ "$(id -u)" != 0 ]; then echo "deploy/check.sh needs the Debian package $1 (run it as root to install it)" >&2; exit 1; fi
  echo "installing $1" >&2
  if [ -z "${apt_updated:-}" ]; then apt-get update -qq >/dev/null; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1" >/dev/null
}
need() { command -v "$1" >/dev/null || apt_install "$2"; } # command package
need yamllint yamllint
need promtool prometheus
need amtool prometheus-alertmanager
need shellcheck shellcheck
need python3 python3
PY=python3
if ! python3 -c 'import yaml' 2>/dev/null; then
  apt_install python3-yaml # for Debian's own python3 (another python3 may come first in PATH)
  PY=/usr/bin/python3
fi
command -v kubectl >/dev/null || { echo "deploy/check.sh needs kubectl >= 1.27 (with Kustomize v5)" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failed=0
check() { # name command...: PASS or FAIL with the command's output
  local name=$1 out
  shift
  if out=$("$@" 2>&1); then
    printf 'PASS  %s\n' "$name"
  else
    printf 'FAIL  %s\n' "$name"
    failed=$((failed + 1))
  fi
  [ -z "$out" ] || printf '%s\n' "$out" | sed 's/^/      /' | head -n 40
}

render() { # overlay directory -> file
  kubectl kustomize "deploy/k8s/overlays/$1" >"$WORK/$2"
}
json_ok() { for f in "$@"; do $PY -m json.tool "$f" >/dev/null || return 1; done; echo "  $* parse"; }
rules_tests() { # promtool needs a plain rules file: the PrometheusRule's spec, next to a copy of the tests
  mkdir -p "$WORK/rules"
  $PY deploy/check.py extract-rules "$WORK/rules/rules.yaml" >/dev/null
  cp deploy/monitoring/tests/*.yaml "$WORK/rules/"
  (cd "$WORK/rules" && promtool check rules rules.yaml && for t in "$WORK"/rules/*test*.yaml; do promtool test rules "$(basename "$t")"; done)
}
routes() {
  amtool check-config deploy/monitoring/alertmanager.yaml
  local got
  got=$(amtool config routes test --config.file=deploy/monitoring/alertmanager.yaml severity=page 2>/dev/null)
  [ "$got" = "hlf-oncall-pager,hlf-team-chat" ] || { echo "severity=page goes to '$got', not to the pager"; return 1; }
  got=$(amtool config routes test --config.file=deploy/monitoring/alertmanager.yaml severity=ticket 2>/dev/null)
  [ "$got" = "hlf-team-chat" ] || { echo "severity=ticket goes to '$got'"; return 1; }
  echo "  severity=page -> hlf-oncall-pager (and the team chat), severity=ticket -> hlf-team-chat"
}
scripts() {
  shellcheck -x deploy/check.sh deploy/local/*.sh deploy/compose/compose.sh
  echo "  shellcheck -x: check.sh, every deploy/local/*.sh, compose.sh"
}

check "every YAML parses and is tidy (yamllint deploy/)" yamllint -c deploy/.yamllint deploy/
check "kubectl kustomize overlays/staging" render staging staging.yaml
check "kubectl kustomize overlays/production" render production production.yaml
check "kubectl kustomize overlays/staging/topics" render staging/topics staging-topics.yaml
check "kubectl kustomize overlays/production/topics" render production/topics production-topics.yaml
check "manifests match the services (env, ports, probes, security, secrets)" \
  $PY deploy/check.py manifests "$WORK/staging.yaml" "$WORK/production.yaml"
check "a KafkaTopic for every topic of Topics.java" \
  $PY deploy/check.py topics "$WORK/staging-topics.yaml" "$WORK/production-topics.yaml"
check "compose matches the services" $PY deploy/check.py compose
check "promtool check rules + promtool test rules" rules_tests
check "every rule has a severity and its runbook section" $PY deploy/check.py rules
check "Alertmanager configuration and routes (amtool)" routes
check "Grafana dashboard JSON parses" json_ok deploy/monitoring/grafana-dashboard.json
check "deploy/README.md lists every environment variable" $PY deploy/check.py env-table
check "shell scripts are shellcheck-clean" scripts

if [ "$failed" -gt 0 ]; then echo "$failed check(s) FAILED"; exit 1; fi
echo "every check passed"
