#!/usr/bin/env python3
"""The checks of deploy/check.sh that read YAML, Java and properties: python3 deploy/check.py <check> [args].

Each check prints what it proved, or every problem it found and exits 1. Checks:
  extract-rules OUT          write the PrometheusRule's spec as a plain Prometheus rules file (for promtool)
  rules                      every rule has a severity and a runbook_url whose anchor is a heading of docs/runbook.md
  manifests RENDERED...      rendered overlays: Deployments (replicas, ports, probes, security, resources, env),
                             Services, PDBs, NetworkPolicy, ServiceMonitor, PrometheusRule, no Secret values
  topics RENDERED...         rendered topics overlays: a KafkaTopic for every topic of Topics.java, replication
  compose                    deploy/compose/compose.yaml: env, health checks, ports, topics
  env-table                  deploy/README.md's table names every environment variable the services read or the
                             manifests set
"""
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
RUNBOOK = ROOT / "docs/runbook.md"
RULES = ROOT / "deploy/monitoring/prometheus-rules.yaml"
HEALTH = {"readinessProbe": "/q/health/ready", "livenessProbe": "/q/health/live", "startupProbe": "/q/health/started"}
DLQ_RETENTION_MS = 30 * 24 * 3600 * 1000

# Where each service's configuration is: its application.properties, and its @ConfigMapping interfaces (every key of
# which SmallRye Config also reads from the environment: hlf.sync.alert.webhook-url <- HLF_SYNC_ALERT_WEBHOOK_URL).
SERVICES = {
    "pause-service": ("pause-service", ["pause-service/src/main/java/org/hlf/mentor/pause/config/PauseConfig.java"]),
    "website-sync-service": ("website-sync-service", [
        "website-sync-service/src/main/java/org/hlf/mentor/sync/config/SyncConfig.java",
        "website-sync-service/src/main/java/org/hlf/mentor/sync/config/WriteConfig.java"]),
    "sandbox": ("dataverse-sandbox", ["dataverse-sandbox/src/main/java/org/hlf/mentor/sandbox/SandboxConfig.java"]),
}
# Quarkus's own keys that the manifests set, in their environment form. Not derivable from our sources, so listed
# here; the named OIDC client's names were proved on the local run (deploy/README.md, "Roster client").
QUARKUS_KEYS = {
    "pause-service": {"QUARKUS_DATASOURCE_PASSWORD"},
    "website-sync-service": {
        "QUARKUS_DATASOURCE_PASSWORD",
        "QUARKUS_OIDC_CLIENT_ROSTER_AUTH_SERVER_URL", "QUARKUS_OIDC_CLIENT_ROSTER_TOKEN_PATH",
        "QUARKUS_OIDC_CLIENT_ROSTER_DISCOVERY_ENABLED", "QUARKUS_OIDC_CLIENT_ROSTER_CLIENT_ID",
        "QUARKUS_OIDC_CLIENT_ROSTER_CREDENTIALS_CLIENT_SECRET_VALUE",
        "QUARKUS_OIDC_CLIENT_ROSTER_CREDENTIALS_CLIENT_SECRET_METHOD", "QUARKUS_OIDC_CLIENT_ROSTER_SCOPES"},
    "sandbox": set(),
}
# Read by the container image's start script (run-java.sh of ubi9/openjdk-17-runtime) or by its C library, not by
# the application.
IMAGE_KEYS = {"JAVA_MAX_MEM_RATIO", "JAVA_OPTS_APPEND", "GC_CONTAINER_OPTIONS", "MALLOC_ARENA_MAX"}

problems = []


def problem(text):
    problems.append(text)


def finish(proved):
    if problems:
        print("\n".join("  - " + p for p in problems))
        sys.exit(1)
    print("  " + proved)


def properties(module):
    return (ROOT / module / "src/main/resources/application.properties").read_text()


def env_references(module):
    """${VAR} and ${VAR:default} of application.properties: {VAR: default or None}."""
    return {m.group(1): m.group(3) for m in re.finditer(r"\$\{([A-Z][A-Z0-9_]*)(:([^}]*))?}", properties(module))}


def kebab(name):
    return re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", name).lower()


def mapping_keys(files):
    """Every leaf key of @ConfigMapping interfaces: nested interfaces are groups, other return types are values."""
    interfaces, prefix, root = {}, None, None
    for file in files:
        stack = []
        for line in (ROOT / file).read_text().splitlines():
            m = re.search(r'@ConfigMapping\(prefix = "([^"]+)"\)', line)
            if m:
                prefix = m.group(1)
            if line.rstrip().endswith("{"):  # an interface (a group), or an enum inside one
                m = re.search(r"\binterface (\w+)", line)
                stack.append(m.group(1) if m else None)
                if m:
                    interfaces.setdefault(m.group(1), [])
                    root = root or m.group(1)
            m = re.match(r"\s*([\w.<>, ]+?)\s+(\w+)\(\);", line)
            if m and stack and stack[-1]:
                interfaces[stack[-1]].append((m.group(2), re.sub(r".*<(\w+)>", r"\1", m.group(1))))
            if line.strip().startswith("}") and stack:
                stack.pop()
    keys = set()

    def walk(interface, path):
        for method, type_ in interfaces[interface]:
            if type_ in interfaces:
                walk(type_, path + "." + kebab(method))
            else:
                keys.add(path + "." + kebab(method))
    walk(root, prefix)
    return keys


def env_name(key):
    return re.sub(r"[^A-Za-z0-9]", "_", key).upper()


def readable(service):
    """Every environment variable the service reads."""
    module, files = SERVICES[service]
    return (set(env_references(module)) | {env_name(k) for k in mapping_keys(files)} | QUARKUS_KEYS[service]
            | IMAGE_KEYS)


def http_port(module):
    m = re.search(r"^quarkus\.http\.port=(\$\{(\w+):(\d+)}|(\d+))$", properties(module), re.M)
    return (m.group(2), int(m.group(3))) if m.group(2) else (None, int(m.group(4)))


def load_all(paths):
    docs = []
    for path in paths:
        docs += [d for d in yaml.safe_load_all(Path(path).read_text()) if d]
    return docs


def topics_of_code():
    text = (ROOT / "shared-events/src/main/java/org/hlf/mentor/events/Topics.java").read_text()
    return set(re.findall(r'static final String \w+ = "([^"]+)";', text))


def anchors(doc=RUNBOOK):
    """GitHub's anchors of a Markdown file's headings."""
    found = set()
    for line in doc.read_text().splitlines():
        m = re.match(r"#+\s+(.*)", line)
        if m:
            found.add(re.sub(r"[^\w\- ]", "", m.group(1).strip().lower()).replace(" ", "-"))
    return found


def check_extract_rules(out):
    doc = yaml.safe_load(RULES.read_text())
    if doc.get("kind") != "PrometheusRule":
        problem(f"{RULES} is not a PrometheusRule")
    Path(out).write_text(yaml.safe_dump({"groups": doc["spec"]["groups"]}, sort_keys=False))
    finish(f"extracted the PrometheusRule's spec to {out}")


def check_rules():
    doc = yaml.safe_load(RULES.read_text())
    known = anchors()
    count = 0
    for group in doc["spec"]["groups"]:
        for rule in group["rules"]:
            count += 1
            name = rule.get("alert", rule.get("record"))
            if rule.get("labels", {}).get("severity") not in ("page", "ticket"):
                problem(f"{name}: severity must be page or ticket")
            url = rule.get("annotations", {}).get("runbook_url", "")
            m = re.search(r"/docs/runbook\.md#([\w-]+)$", url)
            if not m:
                problem(f"{name}: runbook_url {url!r} does not point into docs/runbook.md")
            elif m.group(1) not in known:
                problem(f"{name}: docs/runbook.md has no section #{m.group(1)}")
            elif m.group(1) != name.lower():
                problem(f"{name}: runbook_url points to #{m.group(1)}, not to the alert's own section")
    # the links between the runbook and deploy/README.md, and within them, lead to existing sections too
    readme = ROOT / "deploy/README.md"
    targets = {RUNBOOK.name: known, readme.name: anchors(readme)}
    for doc in (RUNBOOK, readme):
        own = anchors(doc)
        for file, anchor in re.findall(r"\]\(([\w./-]*?)#([\w-]+)\)", doc.read_text()):
            if anchor not in (targets.get(Path(file).name, set()) if file else own):
                problem(f"{doc.relative_to(ROOT)}: link to {file}#{anchor} leads nowhere")
    finish(f"{count} rules: each has a severity (page/ticket) and a runbook_url to its own section of docs/runbook.md; "
           "the links of the runbook and deploy/README.md lead to existing sections")


def container_env(container, configmaps):
    names = {e["name"] for e in container.get("env", [])}
    for source in container.get("envFrom", []):
        ref = source.get("configMapRef", {}).get("name")
        if ref not in configmaps:
            problem(f"{container['name']}: envFrom names ConfigMap {ref}, which the overlay does not render")
        else:
            names |= set(configmaps[ref])
    return names


def check_manifests(*paths):
    for path in paths:
        docs = load_all([path])
        kinds = {}
        for d in docs:
            kinds.setdefault(d["kind"], []).append(d)
        configmaps = {d["metadata"]["name"]: d.get("data", {}) for d in kinds.get("ConfigMap", [])}
        if "Secret" in kinds:
            problem(f"{path}: renders a Secret; secret values never live in the repository")
        for kind in ("Deployment", "Service", "PodDisruptionBudget", "NetworkPolicy", "ServiceMonitor",
                     "PrometheusRule"):
            if kind not in kinds:
                problem(f"{path}: no {kind}")
        services = {d["metadata"]["name"]: d for d in kinds.get("Service", [])}
        pdbs = {d["metadata"]["name"] for d in kinds.get("PodDisruptionBudget", [])}
        policies = {d["metadata"]["name"] for d in kinds.get("NetworkPolicy", [])}
        for deployment in kinds.get("Deployment", []):
            name = deployment["metadata"]["name"]
            where = f"{Path(path).name}: {name}"
            if name not in SERVICES:
                problem(f"{where}: not a service of this repository")
                continue
            spec = deployment["spec"]
            pod = spec["template"]["spec"]
            if spec.get("replicas") != 2:
                problem(f"{where}: replicas {spec.get('replicas')}, not 2")
            if name not in pdbs or name not in policies:
                problem(f"{where}: no PodDisruptionBudget or NetworkPolicy of its own")
            if not pod.get("securityContext", {}).get("runAsNonRoot"):
                problem(f"{where}: runAsNonRoot is not set")
            (container,) = pod["containers"]
            security = container.get("securityContext", {})
            if not security.get("readOnlyRootFilesystem") or security.get("allowPrivilegeEscalation") is not False:
                problem(f"{where}: needs readOnlyRootFilesystem and no privilege escalation")
            resources = container.get("resources", {})
            for part in ("requests", "limits"):
                if not {"cpu", "memory"} <= set(resources.get(part, {})):
                    problem(f"{where}: resources.{part} needs cpu and memory")
            env = container_env(container, configmaps)
            unread = env - readable(name)
            if unread:
                problem(f"{where}: sets {sorted(unread)}, which {name} does not read")
            values = dict(configmaps.get(next((s["configMapRef"]["name"] for s in container.get("envFrom", [])), ""), {}))
            values.update({e["name"]: e.get("value") for e in container.get("env", []) if "value" in e})
            module = SERVICES[name][0]
            var, default = http_port(module)
            port = int(values.get(var, default)) if var else default
            ports = {p["name"]: p["containerPort"] for p in container.get("ports", [])}
            if ports.get("http") != port:
                problem(f"{where}: containerPort http is {ports.get('http')}, quarkus.http.port is {port}")
            for probe, path_ in HEALTH.items():
                get = container.get(probe, {}).get("httpGet", {})
                if get.get("path") != path_ or get.get("port") not in ("http", port):
                    problem(f"{where}: {probe} must GET {path_} on the http port, not {get}")
            for secret_var in ("QUARKUS_DATASOURCE_PASSWORD",) + (
                    ("DATAVERSE_CLIENT_SECRET",) if name == "website-sync-service" else ()):
                ref = [e for e in container.get("env", []) if e["name"] == secret_var]
                if not ref or "secretKeyRef" not in ref[0].get("valueFrom", {}):
                    problem(f"{where}: {secret_var} must come from a Secret (secretKeyRef)")
            if not any(v.get("secret", {}).get("secretName") == "hlf-jwt" for v in pod.get("volumes", [])):
                problem(f"{where}: the JWT public key must be mounted from the Secret hlf-jwt")
            service = services.get(name)
            if not service or service["spec"]["ports"][0].get("targetPort") not in ("http", port):
                problem(f"{where}: its Service must target the http port")
            dockerfile = (ROOT / module / "src/main/docker/Dockerfile.jvm").read_text()
            if f"EXPOSE {port}" not in dockerfile:
                problem(f"{where}: {module}'s Dockerfile.jvm does not EXPOSE {port}")
        monitors = kinds.get("ServiceMonitor", [])
        if monitors and monitors[0]["spec"]["endpoints"][0].get("path") != "/q/metrics":
            problem(f"{path}: the ServiceMonitor must scrape /q/metrics")
    finish(f"{len(paths)} rendered overlays: 2 replicas, ports = quarkus.http.port, probes on /q/health/ready, live and "
           "started, non-root, read-only root, requests and limits, secrets by reference only (no Secret "
           "rendered), every environment variable one the service reads, PDB, NetworkPolicy, ServiceMonitor, "
           "PrometheusRule")


def check_topics(*paths):
    wanted = topics_of_code()
    for path in paths:
        topics = {d["spec"].get("topicName", d["metadata"]["name"]): d for d in load_all([path])
                  if d["kind"] == "KafkaTopic"}
        for topic in sorted(wanted - set(topics)):
            problem(f"{path}: no KafkaTopic for {topic} (Topics.java)")
        for name, d in topics.items():
            spec = d["spec"]
            if spec.get("replicas") != 3 or int(spec.get("config", {}).get("min.insync.replicas", 0)) != 2:
                problem(f"{path}: {name} needs replicas 3 and min.insync.replicas 2")
            if not d["metadata"].get("labels", {}).get("strimzi.io/cluster"):
                problem(f"{path}: {name} has no strimzi.io/cluster label")
            if name.endswith("-dlq") and int(spec["config"].get("retention.ms", 0)) != DLQ_RETENTION_MS:
                problem(f"{path}: dead-letter topic {name} must keep its records 30 days")
    finish(f"{len(paths)} rendered topic sets: a KafkaTopic for each of the {len(wanted)} topics of Topics.java, "
           "replication 3, min.insync.replicas 2, dead letters kept 30 days")


def check_compose():
    compose = yaml.safe_load((ROOT / "deploy/compose/compose.yaml").read_text())
    services = compose["services"]
    for name in ("pause-service", "website-sync-service", "sandbox"):
        service = services[name]
        unread = set(service.get("environment", {})) - readable(name)
        if unread:
            problem(f"compose {name}: sets {sorted(unread)}, which it does not read")
        var, default = http_port(SERVICES[name][0])
        port = int(service.get("environment", {}).get(var, default)) if var else default
        if not any(str(p).endswith(f":{port}") for p in service.get("ports", [])):
            problem(f"compose {name}: does not publish its port {port}")
        test = " ".join(service.get("healthcheck", {}).get("test", []))
        if f"/dev/tcp/127.0.0.1/{port} " not in test or "/q/health/ready" not in test:
            problem(f"compose {name}: its health check must ask /q/health/ready on {port}")
    for name in ("kafka", "postgres"):
        if "healthcheck" not in services[name]:
            problem(f"compose {name}: no health check")
    created = set(re.findall(r"[a-z-]+", services["kafka-topics"]["command"][0].split("for topic in")[1]
                             .split(";")[0]))
    for topic in sorted(topics_of_code() - created):
        problem(f"compose: kafka-topics does not create {topic} (Topics.java)")
    finish("compose: every environment variable one the service reads, health checks on all five, ports = "
           "quarkus.http.port, every topic of Topics.java created")


def check_env_table():
    readme = (ROOT / "deploy/README.md").read_text()
    listed = set(re.findall(r"^\| `([A-Z][A-Z0-9_]*)`", readme, re.M))
    wanted = set()
    for service, (module, files) in SERVICES.items():
        wanted |= set(env_references(module)) | QUARKUS_KEYS[service] | {env_name(k) for k in mapping_keys(files)}
    wanted |= IMAGE_KEYS
    for path in ROOT.glob("deploy/k8s/**/*.env"):
        wanted |= {line.split("=", 1)[0] for line in path.read_text().splitlines() if re.match(r"[A-Z]", line)}
    compose = yaml.safe_load((ROOT / "deploy/compose/compose.yaml").read_text())
    for name in ("pause-service", "website-sync-service", "sandbox"):
        wanted |= set(compose["services"][name].get("environment", {}))
    for var in sorted(wanted - listed):
        problem(f"deploy/README.md's environment table lacks {var}")
    finish(f"deploy/README.md's table lists all {len(wanted)} environment variables: those application.properties "
           "reads, the environment names of the @ConfigMapping keys, those the manifests and compose set")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    globals()["check_" + sys.argv[1].replace("-", "_")](*sys.argv[2:])
