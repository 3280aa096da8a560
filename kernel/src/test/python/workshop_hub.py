"""A workshop on a real JupyterHub: ten participants run the solutions at once, one loops forever.

/usr/bin/python3 workshop_hub.py WORKSHOP_FOLDER VENV PARTICIPANTS LIMIT_MIB [LOG_FOLDER]

VENV is a Python environment (Debian's Python with its packages) whose sys.prefix holds the
"footprint" kernelspec, installed there with `footprint install --sys-prefix`: the single-user
servers run from it, so every participant sees the kernel without any per-user setup.

Starts Debian's JupyterHub on 127.0.0.1 with WORKSHOP_FOLDER/jupyterhub_config.py, overriding
only what a test needs: a dummy login, SimpleLocalProcessSpawner (one home folder per participant
in a temporary folder, all as this OS user), ports and state files. Through the hub's REST API
it creates PARTICIPANTS users and starts their servers; then, as the browser does (the server's
REST API and the kernel's websocket), every participant opens the solutions notebook in their
own server and runs its cells, all at the same time, while participant 0 also runs
`while (true) {}` in a second notebook. Checks that:

- each participant got a copy of the exercises at first login;
- every check(...) of the solutions says ✔ in every participant's kernel;
- nobody sees another's variables, and one participant's token does not open another's server;
- the endless loop did not hold back anyone's results, and the interrupt ends it;
- each participant's user JVM heap is capped as the hub configuration says.

Prints the peak resident memory (sampled every 200 ms) of the participants' kernels and user JVMs
together, as PSS (shared pages counted once) and as a sum of RSS, and with their notebook servers
(the loop's extra kernel apart), and the time to the last result; fails when a check fails or the
kernels' PSS passes LIMIT_MIB. A failed run's whole hub log is kept in LOG_FOLDER.
"""

import asyncio
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid

import psutil
from notebooks_load import distinct_ports  # beside this script
from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

KERNEL = "footprint"
HEAP_CAP_MIB = 512           # the configuration's HEAP_PER_PARTICIPANT
START_TIMEOUT = 240          # seconds for all servers to start on a busy two-core machine
RUN_TIMEOUT = 600            # seconds for all participants' cells
CHECKMARK, CROSS = "\u2714", "\u2718"
KERNEL_INFO_TIMEOUT = 40     # seconds for a kernel to start and answer, asked up to
KERNEL_INFO_ATTEMPTS = 3     # this many times
KERNEL_OPENINGS = 3          # kernels a participant starts before giving up


class NoReply(RuntimeError):
    pass


def test_config(workshop_config, state, venv_python, ports, token):
    bind, hub, proxy_api = ports
    return f"""
c = get_config()
load_subconfig({workshop_config!r})
# What the test changes: login, spawner, where things live, ports; the rest is the workshop's.
c.JupyterHub.authenticator_class = "dummy"
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {os.path.join(state, "homes", "{username}")!r}
c.Spawner.cmd = c.Spawner.cmd[:-1] + [{venv_python!r}, "-m", "jupyterhub.singleuser"]
c.Spawner.args = {["--allow-root"] if os.geteuid() == 0 else []!r}  # all participants are this OS user here
c.JupyterHub.bind_url = "http://127.0.0.1:{bind}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api}"
c.JupyterHub.db_url = "sqlite:///{os.path.join(state, "jupyterhub.sqlite")}"
c.JupyterHub.cookie_secret_file = {os.path.join(state, "cookie_secret")!r}
c.JupyterHub.pid_file = {os.path.join(state, "jupyterhub.pid")!r}
c.ConfigurableHTTPProxy.pid_file = {os.path.join(state, "proxy.pid")!r}
c.JupyterHub.services = [{{"name": "workshop-test", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": "workshop-test", "services": ["workshop-test"],
                             "scopes": ["admin:users", "admin:servers", "tokens"]}}]
"""


class Hub:
    def __init__(self, url, token):
        self.url = url
        self.token = token
        self.http = AsyncHTTPClient(max_clients=4 * 16)  # no participant waits for another's request

    async def call(self, method, path, body=None, token=None, ok=(200, 201, 202, 204)):
        request = HTTPRequest(self.url + path, method=method,
                              body=None if body is None and method in ("GET", "DELETE") else json.dumps(body or {}),
                              headers={"Authorization": f"token {token or self.token}"},
                              request_timeout=120)
        try:
            response = await self.http.fetch(request, raise_error=False)
        except OSError as error:
            raise RuntimeError(f"{method} {path}: {error}") from None
        if response.code not in ok:
            raise RuntimeError(f"{method} {path}: HTTP {response.code} {response.body[:500]!r}")
        return json.loads(response.body) if response.body else None


class Participant:
    def __init__(self, hub, name):
        self.hub = hub
        self.name = name
        self.token = None
        self.kernel = None

    def api(self, method, path, body=None, ok=(200, 201, 202, 204)):
        return self.hub.call(method, f"/user/{self.name}/api{path}", body, token=self.token, ok=ok)

    async def start_server(self):
        token = await self.hub.call("POST", f"/hub/api/users/{self.name}/tokens", {"note": "workshop test"})
        self.token = token["token"]
        await self.hub.call("POST", f"/hub/api/users/{self.name}/server")
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            model = await self.hub.call("GET", f"/hub/api/users/{self.name}")
            server = model.get("servers", {}).get("")
            if server and server.get("ready"):
                return
            if not model.get("pending") and not server:
                raise RuntimeError(f"{self.name}'s server stopped while starting")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{self.name}'s server did not start in {START_TIMEOUT} s")
            await asyncio.sleep(1)

    async def open_kernel(self, path):
        for opening in range(1, KERNEL_OPENINGS + 1):
            session = await self.api("POST", "/sessions", {"path": path, "name": os.path.basename(path),
                                                          "type": "notebook", "kernel": {"name": KERNEL}})
            kernel = Kernel(self, session["kernel"]["id"])
            try:
                await kernel.connect()
                return kernel
            except (NoReply, HTTPClientError) as failure:
                kernel.close()
                if opening == KERNEL_OPENINGS:
                    raise
                # Every notebook server picks its kernels' ports by itself, binding and freeing
                # them; with ten servers on one machine two can pick the same port in the moment
                # before their kernels bind it, and Jupyter's restarter keeps those ports, so that
                # kernel never comes up (its log says which port was busy). A participant would
                # open the notebook again: a new kernel, with new ports. Reported, not hidden.
                print(f"{self.name}: kernel {kernel.id} never answered ({failure}); "
                      f"opening the notebook again with a new kernel", flush=True)
                await self.api("DELETE", f"/sessions/{session['id']}", ok=(204, 404))


class Kernel:
    """A kernel's websocket, spoken as the notebook's JavaScript speaks it."""

    def __init__(self, participant, kernel_id):
        self.participant = participant
        self.id = kernel_id
        self.session = uuid.uuid4().hex
        self.replies = {}
        self.idle = set()
        self.outputs = {}
        self.waiters = {}
        self.socket = None

    async def connect(self):
        # The first request waits until the kernel has started. Now and then (about one run in
        # five on a loaded two-core machine) no answer ever comes on a new websocket although the
        # kernel answers the server's own probes; the notebook's JavaScript then reconnects, and
        # so does this client: a new websocket (new channels in the server), and every repeat is
        # reported.
        for attempt in range(1, KERNEL_INFO_ATTEMPTS + 1):
            await self._open()
            try:
                await self.request("kernel_info_request", {}, timeout=KERNEL_INFO_TIMEOUT)
                return
            except NoReply:
                if attempt == KERNEL_INFO_ATTEMPTS:
                    raise
                print(f"{self.participant.name}: no kernel_info_reply in {KERNEL_INFO_TIMEOUT} s, "
                      f"reconnecting the websocket", flush=True)
                self.close()
                await asyncio.sleep(1)

    async def _open(self):
        hub = self.participant.hub
        self.session = uuid.uuid4().hex
        url = hub.url.replace("http", "ws", 1) + \
            f"/user/{self.participant.name}/api/kernels/{self.id}/channels?session_id={self.session}"
        self.socket = await websocket_connect(HTTPRequest(
            url, headers={"Authorization": f"token {self.participant.token}"}, request_timeout=120))
        asyncio.ensure_future(self._read(self.socket))

    async def _read(self, socket):
        while True:
            text = await socket.read_message()
            if text is None:
                if socket is not self.socket:
                    return  # a websocket this client replaced
                for waiter in self.waiters.values():
                    if not waiter.done():
                        waiter.set_exception(RuntimeError("the kernel's websocket closed"))
                return
            message = json.loads(text)
            parent = message.get("parent_header", {}).get("msg_id")
            kind = message["header"]["msg_type"]
            if message["channel"] == "shell":
                self.replies[parent] = message
            elif kind == "stream":
                self.outputs.setdefault(parent, []).append(message["content"]["text"])
            elif kind in ("execute_result", "display_data"):
                self.outputs.setdefault(parent, []).append(message["content"]["data"].get("text/plain", ""))
            elif kind == "error":
                self.outputs.setdefault(parent, []).append(f"{message['content']['ename']}: {message['content']['evalue']}")
            elif kind == "status" and message["content"]["execution_state"] == "idle":
                self.idle.add(parent)
            # A reply and its idle status come on two channels, in either order: done when both came.
            if parent in self.replies and parent in self.idle:
                waiter = self.waiters.pop(parent, None)
                if waiter and not waiter.done():
                    waiter.set_result(None)

    async def request(self, kind, content, timeout=RUN_TIMEOUT):
        msg_id = uuid.uuid4().hex
        waiter = asyncio.get_running_loop().create_future()
        self.waiters[msg_id] = waiter
        await self.socket.write_message(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": kind, "username": self.participant.name,
                       "session": self.session, "date": "", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": []}))
        try:
            await asyncio.wait_for(waiter, timeout)
        except asyncio.TimeoutError:
            self.waiters.pop(msg_id, None)
            raise NoReply(f"{self.participant.name}: no reply to {kind} in {timeout} s") from None
        return self.replies[msg_id]["content"], "".join(self.outputs.get(msg_id, []))

    async def execute(self, code, timeout=RUN_TIMEOUT):
        return await self.request("execute_request", {"code": code, "silent": False, "store_history": True,
                                                      "user_expressions": {}, "allow_stdin": False,
                                                      "stop_on_error": True}, timeout)

    def close(self):
        if self.socket is not None:
            self.socket.close()


def code_cells(path):
    with open(path) as file:
        return ["".join(cell["source"]) for cell in json.load(file)["cells"] if cell["cell_type"] == "code"]


def proportional_set_size(process):
    """Bytes of memory the process has resident, each page shared with n processes counted 1/n.

    Twenty JVMs share the JDK's libraries and the kernel's class data archive; RSS counts those
    pages once per process, PSS once in all.
    """
    try:
        with open(f"/proc/{process.pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return process.memory_full_info().pss


class MemoryPeak(threading.Thread):
    """Samples the RSS of the participants' servers, and apart from them their kernels and user JVMs.

    The kernel of `loop_kernel` (its JVM and the user JVM it started), an extra that runs the
    endless loop, is counted apart, so the figures are those of one notebook per participant.
    """

    def __init__(self, hub_process):
        super().__init__(daemon=True)
        self.hub_process = hub_process
        self.loop_kernel = None
        self.peak = 0          # servers, kernels and user JVMs: RSS
        self.peak_java = 0     # kernels and user JVMs: RSS
        self.peak_java_pss = 0  # kernels and user JVMs: PSS (shared pages counted once)
        self.peak_loop = 0     # the looping kernel and its user JVM: RSS
        self.seen = set()
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.wait(0.2):
            total = java = java_pss = loop = 0
            try:
                children = self.hub_process.children(recursive=True)
            except psutil.Error:
                continue
            for process in children:
                try:
                    self.seen.add(process)
                    lineage = [process.cmdline()] + [parent.cmdline() for parent in process.parents()]
                    if not any("jupyterhub.singleuser" in command for command in lineage):
                        continue  # the hub's proxy, not a participant's
                    rss = process.memory_info().rss
                    if self.loop_kernel and any(f"kernel-{self.loop_kernel}.json" in " ".join(command)
                                                for command in lineage):
                        loop += rss
                        continue
                    total += rss
                    if lineage[0] and os.path.basename(lineage[0][0]) == "java":
                        java += rss
                        java_pss += proportional_set_size(process)
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self.peak_java = max(self.peak_java, java)
            self.peak_java_pss = max(self.peak_java_pss, java_pss)
            self.peak_loop = max(self.peak_loop, loop)


async def run_participant(participant, solutions, everyone_ran, results):
    """Opens the solutions in the participant's server and runs them cell by cell."""
    kernel = await participant.open_kernel("workshop/solutions.ipynb")
    participant.kernel = kernel
    marker = participant.name.replace("-", "_")
    await kernel.execute(f'String participant = "{participant.name}"; int only_{marker} = 1;')
    checks = []
    for index, code in enumerate(solutions):
        reply, output = await kernel.execute(code)
        if reply["status"] != "ok":
            raise RuntimeError(f"{participant.name}: solutions cell {index} failed: {reply.get('evalue')} {output}")
        if "check(" in code and not code.lstrip().startswith(("//", "int passed")):
            checks.append(output.strip())
    results["last_result"] = time.monotonic()
    results[participant.name] = checks
    await everyone_ran.wait()


async def main_async(hub, names, solutions, loop_user_index, exercises, memory):
    failures = []
    participants = [Participant(hub, name) for name in names]
    await hub.call("POST", "/hub/api/users", {"usernames": names})
    start = time.monotonic()
    await asyncio.gather(*(p.start_server() for p in participants))
    servers_ready = time.monotonic() - start
    print(f"{len(names)} servers started through the hub's REST API in {servers_ready:.1f} s", flush=True)

    for participant in participants:
        copy = await participant.api("GET", "/contents/workshop/exercises.ipynb")
        cells = ["".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
                 for cell in copy["content"]["cells"] if cell["cell_type"] == "code"]
        if cells != exercises:
            failures.append(f"{participant.name}'s workshop/exercises.ipynb is not the handout")
        with open(SOLUTIONS) as file:
            await participant.api("PUT", "/contents/workshop/solutions.ipynb",
                                  {"type": "notebook", "format": "json", "content": json.load(file)})
    # A participant's token opens their own server only.
    first, second = participants[0], participants[1]
    await hub.call("GET", f"/user/{second.name}/api/contents", token=first.token, ok=(403,))
    print(f"{first.name}'s token is refused by {second.name}'s server (403)", flush=True)

    looper = participants[loop_user_index]
    loop_kernel = await looper.open_kernel("workshop/playground.ipynb")
    memory.loop_kernel = loop_kernel.id
    looping = asyncio.ensure_future(loop_kernel.execute("int beforeTheLoop = 42;\nwhile (true) {}", RUN_TIMEOUT))
    await asyncio.sleep(1)

    everyone_ran = asyncio.Event()
    results = {}
    run_start = time.monotonic()
    runs = [asyncio.ensure_future(run_participant(p, solutions, everyone_ran, results)) for p in participants]
    while not all(p.name in results for p in participants):
        failed = [run for run in runs if run.done() and run.exception()]
        if failed:
            everyone_ran.set()
            raise failed[0].exception()
        await asyncio.sleep(0.2)
    last_result = results["last_result"] - run_start
    everyone_ran.set()
    await asyncio.gather(*runs)
    print(f"every participant's solutions ran at once: last result {last_result:.1f} s after the first cell "
          f"({results['last_result'] - start:.1f} s after the servers were asked to start)", flush=True)

    for participant in participants:
        checks = results[participant.name]
        bad = [c for c in checks if not c.startswith(CHECKMARK) or CROSS in c]
        if len(checks) != 4 or bad:
            failures.append(f"{participant.name}: the checks said {checks}")
    print(f"every participant's 4 checks said {CHECKMARK}", flush=True)

    # Nobody sees another's variables: each kernel has its own participant and only_NAME.
    for index, participant in enumerate(participants):
        other = participants[(index + 1) % len(participants)]
        _, own = await participant.kernel.execute("participant")
        if participant.name not in own:
            failures.append(f"{participant.name}'s kernel says participant is {own!r}")
        reply, output = await participant.kernel.execute(f"only_{other.name.replace('-', '_')}")
        if reply["status"] == "ok":
            failures.append(f"{participant.name} sees {other.name}'s variable: {output!r}")
        _, heap = await participant.kernel.execute("Runtime.getRuntime().maxMemory()")
        digits = re.sub(r"\D", "", heap)
        if not digits or int(digits) > HEAP_CAP_MIB << 20:
            failures.append(f"{participant.name}'s user JVM heap is not capped at {HEAP_CAP_MIB} MiB: {heap!r}")
    print("nobody sees another's variables; every user JVM's heap is capped at "
          f"{HEAP_CAP_MIB} MiB (maxMemory {heap.strip()} bytes)", flush=True)

    if looping.done():
        failures.append(f"the endless loop of {looper.name} ended by itself: {looping.result()}")
    await looper.api("POST", f"/kernels/{loop_kernel.id}/interrupt")
    reply, output = await asyncio.wait_for(looping, 60)
    _, after = await loop_kernel.execute("beforeTheLoop")
    if reply["status"] == "ok" or "42" not in after:
        failures.append(f"the interrupt of {looper.name}'s loop gave {reply['status']} and then {after!r}")
    print(f"{looper.name}'s endless loop ran throughout and stopped at the interrupt; "
          f"beforeTheLoop is still {after.strip()}", flush=True)
    for participant in participants:
        participant.kernel.close()
    loop_kernel.close()
    return failures


SOLUTIONS = None


def main(workshop, venv, count, limit_mib, keep=None):
    global SOLUTIONS
    SOLUTIONS = os.path.join(workshop, "solutions.ipynb")
    state = tempfile.mkdtemp(prefix="footprint-hub-")
    venv_python = os.path.join(venv, "bin", "python3")
    token = secrets.token_hex(32)
    ports = distinct_ports(3)
    config = os.path.join(state, "jupyterhub_config.py")
    with open(config, "w") as file:
        file.write(test_config(os.path.join(workshop, "jupyterhub_config.py"), state, venv_python, ports, token))
    env = dict(os.environ)
    # Debian's configurable-http-proxy finds its modules there when node is not Debian's own.
    env["NODE_PATH"] = ":".join(p for p in ("/usr/share/nodejs", env.get("NODE_PATH", "")) if p)
    log = open(os.path.join(state, "jupyterhub.log"), "w")
    process = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", config], cwd=state, env=env,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    hub = Hub(f"http://127.0.0.1:{ports[0]}", token)
    memory = MemoryPeak(psutil.Process(process.pid))
    failures = []
    try:
        deadline = time.monotonic() + 120
        loop = asyncio.new_event_loop()
        while True:
            try:
                loop.run_until_complete(hub.call("GET", "/hub/api/"))
                break
            except RuntimeError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the hub did not start") from None
                time.sleep(0.5)
        print(f"JupyterHub is up on 127.0.0.1:{ports[0]}", flush=True)
        memory.start()
        names = [f"participant-{i:02d}" for i in range(count)]
        failures = loop.run_until_complete(main_async(hub, names, code_cells(SOLUTIONS), 0,
                                                      code_cells(os.path.join(workshop, "exercises.ipynb")), memory))
    except Exception as error:
        import traceback
        failures.append(f"{type(error).__name__}: {error}\n{traceback.format_exc()}")
    finally:
        memory.stopped.set()
        process.send_signal(signal.SIGTERM)  # the hub stops the servers it started, then the proxy
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            pass
        for leftover in memory.seen:  # all started by this hub, so ours to end
            try:
                leftover.kill()
            except psutil.Error:
                pass
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        log.close()
        if failures:
            with open(log.name) as text:
                print("hub log (end):\n" + text.read()[-6000:])
            if keep:
                os.makedirs(keep, exist_ok=True)
                shutil.copy(log.name, os.path.join(keep, "jupyterhub.log"))
                print(f"the hub's whole log (its servers' and kernels' too) is kept in {keep}")
        shutil.rmtree(state, ignore_errors=True)
    java_mib = memory.peak_java_pss / 2**20
    print(f"peak resident memory of the {count} participants' kernels and user JVMs: {java_mib:.0f} MiB PSS "
          f"(limit {limit_mib} MiB), {memory.peak_java / 2**20:.0f} MiB summing RSS; with their notebook servers: "
          f"{memory.peak / 2**20:.0f} MiB RSS; the extra kernel running the endless loop: "
          f"{memory.peak_loop / 2**20:.0f} MiB RSS")
    if java_mib > limit_mib:
        failures.append(f"the participants' kernels together took {java_mib:.0f} MiB, more than {limit_mib} MiB")
    for failure in failures:
        print("FAILED " + failure)
    print(f"{len(failures)} failed" if failures else f"workshop of {count} on JupyterHub: all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), *sys.argv[5:6]))
