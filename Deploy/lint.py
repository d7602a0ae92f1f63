#!/usr/bin/env python3
"""Checks what can be checked of Deploy/ without Docker or a cluster.

    python3 Deploy/lint.py --copydesk .build/debug/copydesk

1. yaml        every .yaml/.yml under Deploy/ parses (PyYAML), each document a mapping.
2. kubernetes  every document in Deploy/k8s/ validates, strictly (unknown fields are errors),
               against the Kubernetes JSON schemas that PyPI's kubernetes-validate ships, for
               each version in KUBERNETES_VERSIONS; and the objects fit together: Services and
               StatefulSets select existing pods, the HPA scales the worker Deployment, ports
               5570/5571 admit only pipeline pods while 5572 stays open, probes are tcpSocket,
               CURVE keys come from a Secret at /etc/copydesk/curve.
3. systemd     `systemd-analyze verify` accepts every unit in Deploy/systemd/, with no warning
               at all. verify insists that ExecStart's binary exists, so it runs on temporary
               copies whose install path (/opt/copydesk/copydesk) points at --copydesk.
4. cli         every command line the deploy files run (Compose `command`, Kubernetes `args`,
               systemd `ExecStart`, `copydesk ...` lines of Deploy/README.md) names a real
               subcommand and only flags its --help lists, and every COPYDESK_* variable set
               for it is one its --help names. Needs --copydesk.
5. dockerfile  the Dockerfile's commands match Deploy/README.md's, meaning:
               - its one `swift build` line appears verbatim in the README, builds in release
                 mode, and its --product is an executable product of Package.swift;
               - the build stage installs every apt package Package.swift's system libraries
                 name; the runtime stage is debian:bookworm-slim, installs libzmq5, and the
                 README's VM install line installs exactly the same runtime packages;
               - the runtime stage runs as a non-root USER, its ENTRYPOINT is ["copydesk"],
                 found on its PATH in the directory the build output is copied to, and that
                 directory is where the README's VM install puts the binary and where every
                 systemd ExecStart runs it from.

6. libraries  every shared library the binary loads (ldd of --copydesk, the Swift runtime
               aside, which the image links in statically) comes from a package the runtime
               stage installs, or from what those packages and debian:bookworm-slim's libc6 and
               libgcc-s1 depend on (dpkg -S and apt-cache depends on this Debian machine): so
               a new import that pulls in a library, as FoundationNetworking pulled in libcurl,
               fails here and not in production. Needs --copydesk.
7. compose     the Dockerfile declares no VOLUME (each would be an anonymous volume on every
               worker) and each stateful role (ventilator, sink) mounts a volume at the image's
               WORKDIR, where its state is by default; the ventilator depends on the sink, so
               Compose stops it first; ports are published on 127.0.0.1 unless CURVE is on.

Prints one line per finding, and exits 1 when anything failed (2 on bad usage).
"""

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

KUBERNETES_VERSIONS = ["1.30.0", "1.33.0"]
INSTALL_DIR = "/opt/copydesk"
CURVE_DIR = "/etc/copydesk/curve"

failures = []
passes = []


def fail(check, message):
    failures.append(f"{check}: {message}")
    print(f"FAIL {check}: {message}", flush=True)


def ok(check, message):
    passes.append(f"{check}: {message}")
    print(f"ok   {check}: {message}", flush=True)


# ---------------------------------------------------------------------------------------------
# 1. YAML


def load_yaml_files(deploy):
    """{relative path: [documents]} of every YAML file; parse errors are failures."""
    try:
        import yaml
    except ImportError:
        fail("yaml", "PyYAML is not installed (python3 -m pip install -r .ci/requirements.txt)")
        return {}
    documents = {}
    for root, dirs, files in os.walk(deploy):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for name in sorted(files):
            if not name.endswith((".yaml", ".yml")):
                continue
            path = os.path.join(root, name)
            relative = os.path.relpath(path, deploy)
            try:
                with open(path, encoding="utf-8") as handle:
                    docs = [doc for doc in yaml.safe_load_all(handle) if doc is not None]
            except yaml.YAMLError as error:
                fail("yaml", f"{relative} does not parse: {error}")
                continue
            bad = [index for index, doc in enumerate(docs) if not isinstance(doc, dict)]
            if not docs or bad:
                fail("yaml", f"{relative}: every document must be a mapping (documents {bad or 'none'})")
                continue
            documents[relative] = docs
            ok("yaml", f"{relative} parses ({len(docs)} document{'s' if len(docs) != 1 else ''})")
    if not documents:
        fail("yaml", f"no YAML files under {deploy}")
    return documents


# ---------------------------------------------------------------------------------------------
# 2. Kubernetes


def pod_templates(obj):
    """(name, pod spec, pod labels) of a workload object, or None."""
    if obj.get("kind") in ("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"):
        template = obj.get("spec", {}).get("template", {})
        return obj["metadata"]["name"], template.get("spec", {}), template.get("metadata", {}).get("labels", {})
    return None


def selects(selector, labels):
    return bool(selector) and all(labels.get(key) == value for key, value in selector.items())


def expression_selects(pod_selector, labels):
    """Whether a NetworkPolicy podSelector (matchLabels and matchExpressions) picks `labels`."""
    if not selects(pod_selector.get("matchLabels", {}), labels) and pod_selector.get("matchLabels"):
        return False
    for expression in pod_selector.get("matchExpressions", []):
        value = labels.get(expression["key"])
        operator = expression["operator"]
        values = expression.get("values", [])
        if operator == "In" and value not in values:
            return False
        if operator == "NotIn" and value in values:
            return False
        if operator == "Exists" and value is None:
            return False
        if operator == "DoesNotExist" and value is not None:
            return False
    return True


def lint_kubernetes(deploy, documents):
    k8s_files = {path: docs for path, docs in documents.items() if path.startswith("k8s" + os.sep)}
    if not k8s_files:
        fail("kubernetes", "no manifests in k8s/")
        return
    try:
        import kubernetes_validate
    except ImportError:
        fail("kubernetes", "kubernetes-validate is not installed (python3 -m pip install -r .ci/requirements.txt)")
        return
    objects = []
    for path, docs in sorted(k8s_files.items()):
        for doc in docs:
            label = f"{path}: {doc.get('kind')}/{doc.get('metadata', {}).get('name')}"
            valid = True
            for version in KUBERNETES_VERSIONS:
                try:
                    kubernetes_validate.validate(doc, version, strict=True)
                except Exception as error:  # ValidationError, SchemaNotFoundError, ...
                    valid = False
                    message = str(getattr(error, "message", None) or error).splitlines()[0][:300]
                    where = "/".join(str(part) for part in getattr(getattr(error, "caused_by", None), "path", []))
                    fail("kubernetes", f"{label} is not valid Kubernetes {version}: {message}" + (f" (at {where})" if where else ""))
            if valid:
                ok("kubernetes", f"{label} validates against {', '.join(KUBERNETES_VERSIONS)} (strict)")
            objects.append((path, doc))

    def named(kind):
        return {doc["metadata"]["name"]: doc for _, doc in objects if doc.get("kind") == kind}

    workloads = [pod_templates(doc) for _, doc in objects if pod_templates(doc)]
    services = named("Service")
    statefulsets = named("StatefulSet")
    deployments = named("Deployment")

    # Services select pods; StatefulSets are governed by a headless Service.
    for name, service in services.items():
        selector = service.get("spec", {}).get("selector", {})
        if not any(selects(selector, labels) for _, _, labels in workloads):
            fail("kubernetes", f"Service {name} selects no pod template ({selector})")
    for name, statefulset in statefulsets.items():
        spec = statefulset["spec"]
        governing = services.get(spec.get("serviceName"))
        if governing is None or governing["spec"].get("clusterIP") != "None":
            fail("kubernetes", f"StatefulSet {name}: serviceName {spec.get('serviceName')!r} is not a headless Service here")
        if not spec.get("volumeClaimTemplates"):
            fail("kubernetes", f"StatefulSet {name} has no volumeClaimTemplates")
        if not selects(spec["selector"].get("matchLabels", {}), spec["template"]["metadata"].get("labels", {})):
            fail("kubernetes", f"StatefulSet {name}: selector does not match its pod labels")
    for role in ("ventilator", "sink"):
        if not any(role in name for name in statefulsets):
            fail("kubernetes", f"no StatefulSet for the {role}")
    worker = next((name for name in deployments if "worker" in name), None)
    if worker is None:
        fail("kubernetes", "no worker Deployment")
    hpas = named("HorizontalPodAutoscaler")
    if not any(h["spec"]["scaleTargetRef"].get("kind") == "Deployment" and h["spec"]["scaleTargetRef"].get("name") == worker for h in hpas.values()):
        fail("kubernetes", f"no HorizontalPodAutoscaler scales the worker Deployment {worker}")

    # Containers: probes are tcpSocket on a declared port; CURVE keys from a Secret.
    for name, pod, labels in workloads:
        secret_volumes = {v["name"] for v in pod.get("volumes", []) if "secret" in v}
        for container in pod.get("containers", []):
            where = f"{name}/{container['name']}"
            port_names = {p.get("name") for p in container.get("ports", [])} | {p["containerPort"] for p in container.get("ports", [])}
            for probe_kind in ("startupProbe", "readinessProbe", "livenessProbe"):
                probe = container.get(probe_kind)
                if probe is None:
                    continue
                if "tcpSocket" not in probe:
                    fail("kubernetes", f"{where}: {probe_kind} is not a tcpSocket probe")
                elif probe["tcpSocket"]["port"] not in port_names:
                    fail("kubernetes", f"{where}: {probe_kind} probes port {probe['tcpSocket']['port']}, which the container does not declare")
            if container.get("ports") and not container.get("readinessProbe"):
                fail("kubernetes", f"{where} listens but has no readinessProbe")
            env = {e["name"]: e.get("value") for e in container.get("env", [])}
            mounts = {m["mountPath"]: m["name"] for m in container.get("volumeMounts", [])}
            if env.get("COPYDESK_CURVE_DIR") != CURVE_DIR or mounts.get(CURVE_DIR) not in secret_volumes:
                fail("kubernetes", f"{where}: CURVE keys must come from a Secret volume mounted at {CURVE_DIR} with COPYDESK_CURVE_DIR set to it")

    # NetworkPolicy: 5570 and 5571 only from pipeline pods, 5572 from anywhere.
    policies = list(named("NetworkPolicy").values())
    pod_labels = {name: labels for name, _, labels in workloads}

    def admitted(port, target_labels):
        """None when some rule admits anyone to `port`, else the workload names admitted."""
        governing = [p for p in policies if expression_selects(p["spec"].get("podSelector", {}), target_labels)
                     and "Ingress" in p["spec"].get("policyTypes", ["Ingress"])]
        if not governing:
            return None
        names = set()
        for policy in governing:
            for rule in policy["spec"].get("ingress", []) or []:
                ports = [p.get("port") for p in rule.get("ports", [])]
                if ports and port not in ports:
                    continue
                sources = rule.get("from")
                if not sources:
                    return None
                for source in sources:
                    if set(source) != {"podSelector"}:
                        return None
                    names |= {n for n, labels in pod_labels.items() if expression_selects(source["podSelector"], labels)}
        return names

    expectations = [("ventilator", 5570, {"worker", "sink"}), ("sink", 5571, {"worker", "ventilator"})]
    for role, port, allowed_roles in expectations:
        target = next((labels for n, labels in pod_labels.items() if role in n), None)
        if target is None:
            continue
        names = admitted(port, target)
        if names is None:
            fail("kubernetes", f"port {port} of the {role} is open to anyone: no NetworkPolicy restricts it")
            continue
        roles = {role for role in ("worker", "sink", "ventilator") for n in names if role in n}
        if roles != allowed_roles:
            fail("kubernetes", f"port {port} of the {role} admits {sorted(roles) or 'nobody'}, not {sorted(allowed_roles)}")
        else:
            ok("kubernetes", f"port {port} of the {role} admits only {', '.join(sorted(roles))} pods")
    ventilator = next((labels for n, labels in pod_labels.items() if "ventilator" in n), None)
    if ventilator is not None:
        if admitted(5572, ventilator) is not None:
            fail("kubernetes", "the intake (5572) is not reachable for clients: a NetworkPolicy restricts it")
        else:
            ok("kubernetes", "the intake (5572) stays open to clients")


# ---------------------------------------------------------------------------------------------
# 3. systemd


def lint_systemd(deploy, copydesk):
    directory = os.path.join(deploy, "systemd")
    units = sorted(name for name in os.listdir(directory) if name.endswith((".service", ".socket", ".timer", ".target"))) if os.path.isdir(directory) else []
    if not units:
        fail("systemd", "no units in systemd/")
        return
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        fail("systemd", "systemd-analyze is not installed, so the units cannot be verified: apt-get install systemd (.ci/run does)")
        return
    binary = os.path.abspath(copydesk) if copydesk else shutil.which("true")
    binary_path = f"{INSTALL_DIR}/copydesk"
    with tempfile.TemporaryDirectory(prefix="copydesk-units-") as temporary:
        for unit in units:
            with open(os.path.join(directory, unit), encoding="utf-8") as handle:
                text = handle.read()
            if binary_path not in text:
                fail("systemd", f"{unit} does not run {binary_path}")
            with open(os.path.join(temporary, unit), "w", encoding="utf-8") as handle:
                handle.write(text.replace(binary_path, binary))
        for unit in units:
            result = subprocess.run([analyze, "verify", "--man=no", os.path.join(temporary, unit)],
                                    capture_output=True, text=True, timeout=60)
            output = (result.stdout + result.stderr).replace(temporary + "/", "").strip()
            # verify exits 0 on warnings such as unknown keys or bad values: any output fails.
            if result.returncode != 0 or output:
                fail("systemd", f"systemd-analyze verify {unit} (exit {result.returncode}): {output or 'no output'}")
            else:
                ok("systemd", f"systemd-analyze verify {unit}: clean")


# ---------------------------------------------------------------------------------------------
# 4. The command lines the deploy files run


class CLI:
    def __init__(self, binary):
        self.binary = binary
        self.helps = {}

    def help(self, subcommand):
        if subcommand not in self.helps:
            result = subprocess.run([self.binary, subcommand, "--help"], capture_output=True, text=True, timeout=60)
            self.helps[subcommand] = result.stdout if result.returncode == 0 else None
        return self.helps[subcommand]

    def subcommands(self):
        result = subprocess.run([self.binary, "--help"], capture_output=True, text=True, timeout=60)
        section = result.stdout.split("SUBCOMMANDS:", 1)[-1]
        return set(re.findall(r"^  (\w[\w-]*) ", section, re.MULTILINE))


def check_command(cli, where, arguments, environment):
    """arguments: what follows `copydesk`; environment: COPYDESK_* names set for it."""
    if not arguments:
        fail("cli", f"{where}: no subcommand")
        return
    subcommand = arguments[0]
    if subcommand not in cli.subcommands():
        fail("cli", f"{where}: copydesk has no subcommand {subcommand!r}")
        return
    # Help text wraps anywhere: compare with whitespace collapsed.
    text = " ".join((cli.help(subcommand) or "").split())
    flags = set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*|-[a-zA-Z])\b", text))
    problems = []
    for argument in arguments[1:]:
        if argument.startswith("-") and argument != "-":
            flag = argument.split("=", 1)[0]
            if flag not in flags:
                problems.append(f"unknown flag {flag}")
    for name in environment:
        if name.startswith("COPYDESK_") and f"env {name}" not in text and f"or {name}" not in text:
            problems.append(f"`copydesk {subcommand} --help` does not read {name}")
    if problems:
        fail("cli", f"{where}: " + "; ".join(problems))
    else:
        ok("cli", f"{where}: copydesk {' '.join(arguments)}" + (f" with {', '.join(sorted(environment))}" if environment else ""))


def systemd_environment(text):
    names = []
    for line in text.splitlines():
        if line.startswith("Environment="):
            for assignment in shlex.split(line[len("Environment="):]):
                names.append(assignment.split("=", 1)[0])
    return names


def readme_commands(readme_text):
    """Shell commands of the README's fenced code blocks, continuation lines joined."""
    commands = []
    for block in re.findall(r"```(?:sh|bash|shell|console)?\n(.*?)```", readme_text, re.DOTALL):
        joined = re.sub(r"\\\n\s*", " ", block)
        for line in joined.splitlines():
            line = line.split(" #", 1)[0].strip()
            if line and not line.startswith("#"):
                commands.append(line)
    return commands


def lint_cli(deploy, documents, copydesk):
    if not copydesk:
        fail("cli", "give --copydesk PATH (a built copydesk binary) to check the command lines against its --help")
        return
    if not os.access(copydesk, os.X_OK):
        fail("cli", f"{copydesk} is not an executable")
        return
    cli = CLI(copydesk)
    checked = 0
    for path, docs in sorted(documents.items()):
        for doc in docs:
            for name, service in (doc.get("services") or {}).items():  # Compose
                command = service.get("command")
                if isinstance(command, str):
                    command = shlex.split(command)
                if command:
                    env = service.get("environment") or {}
                    names = list(env) if isinstance(env, dict) else [e.split("=", 1)[0] for e in env]
                    check_command(cli, f"{path} service {name}", command, names)
                    checked += 1
            pod = pod_templates(doc)
            if pod:  # Kubernetes
                for container in pod[1].get("containers", []):
                    arguments = container.get("args") or []
                    command = container.get("command")
                    if command:
                        arguments = command[1:] + arguments
                    check_command(cli, f"{path} {doc['kind']} {pod[0]}", arguments, [e["name"] for e in container.get("env", [])])
                    checked += 1
    directory = os.path.join(deploy, "systemd")
    for unit in sorted(os.listdir(directory)) if os.path.isdir(directory) else []:
        with open(os.path.join(directory, unit), encoding="utf-8") as handle:
            text = handle.read()
        for line in text.splitlines():
            if line.startswith("ExecStart="):
                words = shlex.split(line[len("ExecStart="):].lstrip("-@:+!"))
                check_command(cli, f"systemd/{unit}", words[1:], systemd_environment(text))
                checked += 1
    with open(os.path.join(deploy, "README.md"), encoding="utf-8") as handle:
        for command in readme_commands(handle.read()):
            words = shlex.split(command, comments=True)
            # `copydesk ...`, `/opt/copydesk/copydesk ...`, `docker run ... copydesk ARGS` is not parsed.
            while words and re.fullmatch(r"[A-Z_][A-Z0-9_]*=.*|sudo|-u|copydesk-user", words[0]):
                words = words[1:]
            if words and os.path.basename(words[0]) == "copydesk" and len(words) > 1 and not words[1].startswith("-"):
                env = [w.split("=", 1)[0] for w in shlex.split(command) if re.fullmatch(r"COPYDESK_[A-Z_]+=.*", w)]
                check_command(cli, f"README.md `{command[:60]}`", words[1:], env)
                checked += 1
    if checked == 0:
        fail("cli", "found no command lines to check")


# ---------------------------------------------------------------------------------------------
# 5. Dockerfile against the README


def dockerfile_stages(text):
    """[(base image, alias, [(INSTRUCTION, arguments)])], continuation lines joined."""
    logical = re.sub(r"\\\n", " ", text)
    stages = []
    arguments = {}
    for line in logical.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        instruction, _, rest = line.partition(" ")
        instruction = instruction.upper()
        rest = rest.strip()
        if instruction == "ARG" and not stages:
            name, _, value = rest.partition("=")
            arguments[name] = value
            continue
        if instruction == "FROM":
            words = rest.split()
            image = re.sub(r"\$\{(\w+)\}", lambda m: arguments.get(m.group(1), m.group(0)), words[0])
            alias = words[2] if len(words) >= 3 and words[1].upper() == "AS" else None
            stages.append((image, alias, []))
            continue
        if stages:
            stages[-1][2].append((instruction, rest))
    return stages


def apt_packages(command):
    """Packages of every `apt-get install` in a shell command."""
    packages = set()
    for part in re.split(r"&&|;|\|\|", command):
        words = part.split()
        if "apt-get" in words and "install" in words:
            after = words[words.index("install") + 1:]
            packages |= {w for w in after if not w.startswith("-") and re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", w)}
    return packages


def lint_dockerfile(deploy, repository):
    path = os.path.join(deploy, "Dockerfile")
    if not os.path.exists(path):
        fail("dockerfile", "no Dockerfile")
        return
    with open(path, encoding="utf-8") as handle:
        stages = dockerfile_stages(handle.read())
    with open(os.path.join(deploy, "README.md"), encoding="utf-8") as handle:
        readme = handle.read()
    commands = readme_commands(readme)
    try:
        with open(os.path.join(repository, "Package.swift"), encoding="utf-8") as handle:
            package = handle.read()
    except OSError:
        package = ""
    if len(stages) < 2:
        fail("dockerfile", f"not multi-stage ({len(stages)} stage)")
        return
    build_image, build_alias, build = stages[0]
    run_image, _, run = stages[-1]

    # The build command.
    builds = [rest for instruction, rest in build if instruction == "RUN" and re.search(r"\bswift build\b(?!.*--show-bin-path)", rest)]
    if not build_image.startswith("swift:"):
        fail("dockerfile", f"the build stage starts from {build_image}, not a swift: toolchain image")
    if len(builds) != 1:
        fail("dockerfile", f"expected one `RUN swift build` in the build stage, found {len(builds)}")
    else:
        command = builds[0].strip()
        words = shlex.split(command)
        product = words[words.index("--product") + 1] if "--product" in words else None
        executables = re.findall(r'\.executable\(\s*name:\s*"([^"]+)"', package)
        if product is None or product not in executables:
            fail("dockerfile", f"`{command}` builds product {product!r}; Package.swift's executables are {executables}")
        elif "-c" not in words or words[words.index("-c") + 1] != "release":
            fail("dockerfile", f"`{command}` is not a release build")
        elif not any(" ".join(shlex.split(c)) == " ".join(words) for c in commands):
            fail("dockerfile", f"the README never runs the Dockerfile's build command `{command}`")
        else:
            ok("dockerfile", f"the build command `{command}` is the README's, for executable product {product}")
    # SwiftPM refuses to build when any target's directory is missing, test targets included.
    ignored = set()
    ignore_path = os.path.join(deploy, "Dockerfile.dockerignore")
    if os.path.exists(ignore_path):
        with open(ignore_path, encoding="utf-8") as handle:
            ignored = {line.strip().strip("/") for line in handle if line.strip() and not line.startswith("#")}
    copied = set()
    for instruction, rest in build:
        if instruction in ("COPY", "ADD") and not rest.startswith("--from="):
            copied |= {source.strip("./") or "." for source in rest.split()[:-1] if not source.startswith("--")}
    # SwiftPM's default places: Sources/ for targets, Tests/ for test targets.
    roots = (["Sources"] if re.search(r"\.(target|executableTarget|systemLibrary)\(", package) else []) \
        + (["Tests"] if ".testTarget(" in package else [])
    missing = [name for name in roots if ("." not in copied and name not in copied) or name in ignored]
    if missing:
        fail("dockerfile", f"the build stage lacks {missing} (not copied, or in Dockerfile.dockerignore): SwiftPM needs every target's directory")
    else:
        ok("dockerfile", f"the build stage copies {', '.join(roots)}, every target's directory")
    build_packages = set().union(*[apt_packages(rest) for instruction, rest in build if instruction == "RUN"])
    needed = set(re.findall(r'"([a-z0-9.+-]+-dev)"', " ".join(re.findall(r"\.apt\(\[(.*?)\]\)", package))))
    if needed - build_packages:
        fail("dockerfile", f"the build stage does not install {sorted(needed - build_packages)} (Package.swift's system libraries)")
    else:
        ok("dockerfile", f"the build stage installs {', '.join(sorted(needed))} for Package.swift's system libraries")

    # The runtime stage.
    if run_image != "debian:bookworm-slim":
        fail("dockerfile", f"the runtime stage starts from {run_image}, not debian:bookworm-slim")
    run_packages = set().union(*[apt_packages(rest) for instruction, rest in run if instruction == "RUN"])
    if "libzmq5" not in run_packages:
        fail("dockerfile", "the runtime stage does not install libzmq5")
    readme_packages = [apt_packages(c) for c in commands if apt_packages(c) and not any(p.endswith("-dev") for p in apt_packages(c))]
    if run_packages not in readme_packages:
        fail("dockerfile", f"the README's runtime install lines {[sorted(p) for p in readme_packages]} differ from the image's {sorted(run_packages)}")
    else:
        ok("dockerfile", f"the runtime packages {', '.join(sorted(run_packages))} are the README's")
    users = [rest for instruction, rest in run if instruction == "USER"]
    if not users or users[-1].split(":")[0] in ("root", "0"):
        fail("dockerfile", f"the runtime stage runs as root (USER {users[-1] if users else 'missing'})")
    else:
        ok("dockerfile", f"the runtime stage runs as {users[-1]}")
    entrypoints = [rest for instruction, rest in run if instruction == "ENTRYPOINT"]
    if not entrypoints or entrypoints[-1].replace(" ", "") != '["copydesk"]':
        fail("dockerfile", f"the ENTRYPOINT is {entrypoints[-1] if entrypoints else 'missing'}, not [\"copydesk\"]")
    copies = [rest.split() for instruction, rest in run if instruction == "COPY" and rest.startswith("--from=")]
    targets = [words[-1].rstrip("/") for words in copies]
    paths = [rest for instruction, rest in run if instruction == "ENV" and rest.startswith("PATH=")]
    on_path = paths[-1][len("PATH="):].split(":") if paths else []
    if INSTALL_DIR not in targets or INSTALL_DIR not in on_path:
        fail("dockerfile", f"the build output must be copied to {INSTALL_DIR} (copied to {targets}) and be on PATH ({on_path})")
    else:
        ok("dockerfile", f"ENTRYPOINT copydesk runs {INSTALL_DIR}/copydesk")
    installs = [c for c in commands if INSTALL_DIR in c and ("cp " in c or "install " in c) and "--show-bin-path" in c]
    if not installs:
        fail("dockerfile", f"the README has no VM install command copying the build output to {INSTALL_DIR}")
    else:
        ok("dockerfile", f"the README installs to {INSTALL_DIR}, like the image: `{installs[0]}`")
    resources = [rest for instruction, rest in build if instruction == "RUN" and ".resources" in rest]
    if not resources or not any(".resources" in c for c in installs):
        fail("dockerfile", "the binary's resource bundles (*.resources) must be copied beside it, in the image and in the README's install")


def runtime_stage(deploy):
    """The runtime stage's instructions, or None when there is no Dockerfile."""
    path = os.path.join(deploy, "Dockerfile")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as handle:
        stages = dockerfile_stages(handle.read())
    return stages[-1][2] if stages else None


def package_closure(packages):
    """The packages and everything they depend on, by name (apt-cache, no recommends)."""
    if not packages:
        return set()
    result = subprocess.run(
        ["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests", "--no-conflicts",
         "--no-breaks", "--no-replaces", "--no-enhances", "--no-pre-depends", *sorted(packages)],
        capture_output=True, text=True)
    names = set(packages)
    for line in result.stdout.splitlines():
        line = line.strip()
        if line.startswith(("Depends:", "PreDepends:")):
            line = line.split(":", 1)[1].strip()
        names.add(line.strip("<>").split(":")[0])
    return names


def lint_libraries(deploy, copydesk):
    if not copydesk:
        ok("libraries", "skipped (no --copydesk)")
        return
    if not (shutil.which("ldd") and shutil.which("dpkg") and shutil.which("apt-cache")):
        ok("libraries", "skipped (needs ldd, dpkg and apt-cache: a Debian machine)")
        return
    run = runtime_stage(deploy)
    if run is None:
        fail("libraries", "no Dockerfile")
        return
    installed = set().union(*[apt_packages(rest) for instruction, rest in run if instruction == "RUN"])
    available = package_closure(installed | {"libc6", "libgcc-s1"})
    listing = subprocess.run(["ldd", copydesk], capture_output=True, text=True)
    if listing.returncode != 0:
        fail("libraries", f"ldd {copydesk}: {listing.stderr.strip()}")
        return
    # Each library under every name dpkg may know it by (merged /usr, symlinks).
    libraries = {}
    for line in listing.stdout.splitlines():
        match = re.match(r"\s*(\S+) => (/\S+)", line)
        if not match or "/swift/" in match.group(2):
            continue  # the vDSO and the loader, or the Swift runtime (static in the image)
        library, path = match.groups()
        libraries[library] = {path, os.path.realpath(path), re.sub(r"^/lib/", "/usr/lib/", path), re.sub(r"^/usr/lib/", "/lib/", path)}
    # One dpkg query for all of them (each query reads the whole package database). Lines are
    # "package[:arch][, package...]: path"; names it does not know only cost a message.
    owners_of = {}
    found = subprocess.run(["dpkg", "-S", *sorted(set().union(*libraries.values()))], capture_output=True, text=True)
    for line in found.stdout.splitlines():
        packages, _, path = line.partition(": ")
        owners_of.setdefault(path.strip(), set()).update(entry.strip().split(":")[0] for entry in packages.split(","))
    missing = []
    checked = len(libraries)
    for library, names in libraries.items():
        owners = set().union(*(owners_of.get(name, set()) for name in names))
        if not owners & available:
            missing.append(f"{library} ({', '.join(sorted(owners)) or 'no package'})")
    if missing:
        fail("libraries", f"the binary loads {', '.join(missing)}, which the runtime stage does not install: install the package or drop what needs it")
    else:
        ok("libraries", f"all {checked} libraries the binary loads come with {', '.join(sorted(installed))} or the base image")


def lint_compose(deploy, documents):
    run = runtime_stage(deploy)
    if run is None:
        fail("compose", "no Dockerfile")
        return
    if any(instruction == "VOLUME" for instruction, _ in run):
        fail("compose", "the Dockerfile declares a VOLUME: every worker container gets an anonymous volume it never uses")
    workdirs = [rest for instruction, rest in run if instruction == "WORKDIR"]
    workdir = workdirs[-1].rstrip("/") if workdirs else "/"
    compose = (documents.get("compose.yaml") or [{}])[0]
    services = compose.get("services", {})
    for name in ("ventilator", "sink"):
        mounts = [str(volume).split(":")[1].rstrip("/") for volume in services.get(name, {}).get("volumes", []) if ":" in str(volume)]
        if workdir not in mounts:
            fail("compose", f"service {name} keeps its state in {workdir} (its default) but mounts no volume there ({mounts})")
        else:
            ok("compose", f"service {name} keeps its state on a volume at {workdir}")
    depends = services.get("ventilator", {}).get("depends_on", [])
    if "sink" not in depends:
        fail("compose", "the ventilator does not depend on the sink, so Compose may stop the sink first and leave the ventilator waiting for acknowledgements")
    else:
        ok("compose", "the ventilator depends on the sink: Compose stops it first")
    for name, service in services.items():
        curve = "COPYDESK_CURVE_DIR" in (service.get("environment") or {})
        for port in service.get("ports", []):
            if not str(port).startswith("127.0.0.1:") and not curve:
                fail("compose", f"service {name} publishes {port} on every interface without CURVE: publish it on 127.0.0.1")


# ---------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--deploy", default=here, help="the Deploy directory to check (default: this script's)")
    parser.add_argument("--repository", help="the repository root with Package.swift (default: the Deploy directory's parent)")
    parser.add_argument("--copydesk", help="a built copydesk binary, for the systemd and command-line checks")
    parser.add_argument("--only", action="append", choices=["yaml", "kubernetes", "systemd", "cli", "dockerfile", "libraries", "compose"],
                        help="run only these checks (repeatable)")
    options = parser.parse_args()
    deploy = os.path.abspath(options.deploy)
    repository = os.path.abspath(options.repository or os.path.dirname(deploy))
    only = set(options.only or ["yaml", "kubernetes", "systemd", "cli", "dockerfile", "libraries", "compose"])

    documents = load_yaml_files(deploy) if only & {"yaml", "kubernetes", "cli", "compose"} else {}
    if "kubernetes" in only:
        lint_kubernetes(deploy, documents)
    if "systemd" in only:
        lint_systemd(deploy, options.copydesk)
    if "cli" in only:
        lint_cli(deploy, documents, options.copydesk)
    if "dockerfile" in only:
        lint_dockerfile(deploy, repository)
    if "libraries" in only:
        lint_libraries(deploy, options.copydesk)
    if "compose" in only:
        lint_compose(deploy, documents)
    print(f"lint: {len(passes)} checks ok, {len(failures)} failed", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
