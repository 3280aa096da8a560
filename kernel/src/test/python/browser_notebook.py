"""The classic Jupyter Notebook in headless Chromium, used as a person uses it, with the kernel.

/usr/bin/python3 browser_notebook.py NOTEBOOKS_DIR SCREENSHOT_DIR [--untrusted-charts] [--skip-run-all]

The kernelspec "footprint" must be on JUPYTER_PATH (the JUnit driver installs it in a temporary
folder). Starts Jupyter Notebook on 127.0.0.1 over a temporary copy of NOTEBOOKS_DIR, with its
own configuration and data folders (so no notebook is trusted), drives Debian's chromium through
chromedriver and checks, in the rendered page:

- untrusted charts (with --untrusted-charts): every saved output that holds a chart shows it as a
  picture (an <img> that loaded, or an <svg> with drawn content) when the notebook is opened;
- run all: every notebook's cells run from the Cell menu's "Run All" with no error output except
  in cells tagged raises-exception;
- completion: `a.n` + Tab opens the completion list with the array's methods;
- tooltip: Shift-Tab on `arr.ones(` shows the method's signature;
- interrupt: the toolbar's stop button ends `while (true) {}`, a variable defined before survives;
- restart: the toolbar's restart button, confirmed, forgets the variables and runs the next cell;
- a kernel killed while a cell runs: Jupyter says "Kernel Restarting", then by itself shows the
  new kernel ready (the kernel's "starting" status clears the "Dead kernel" badge), and the next
  cell works;
- after both restarts the kernel indicator shows an idle kernel and the notification area no
  "Dead kernel", "Not Connected" or other warning.

Each failing check saves a screenshot (and the page's text) in SCREENSHOT_DIR; the script prints
"ok NAME" or "FAILED NAME: why" per check and exits non-zero when one failed.
"""

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
KERNEL = "footprint"
# Seconds a notebook's cells may take together, and a single step of the page.
RUN_ALL_TIMEOUT = 300
STEP_TIMEOUT = 60
# Seconds Jupyter may take to notice a dead kernel, start a new one, and run a cell in it.
RESTART_TIMEOUT = 120


class CheckFailed(Exception):
    pass


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NotebookServer:
    """Jupyter Notebook on 127.0.0.1 over ROOT, with a token, in folders of its own."""

    def __init__(self, root, state):
        self.root = root
        self.port = free_port()
        self.token = secrets.token_hex(16)
        env = dict(os.environ)
        for name, folder in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data"),
                             ("JUPYTER_RUNTIME_DIR", "runtime"), ("IPYTHONDIR", "ipython")):
            env[name] = os.path.join(state, folder)
            os.makedirs(env[name], exist_ok=True)
        self.runtime = env["JUPYTER_RUNTIME_DIR"]
        self.log = open(os.path.join(state, "notebook-server.log"), "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "notebook", "--no-browser", "--ip=127.0.0.1", f"--port={self.port}",
             "--port-retries=0", f"--notebook-dir={root}", f"--NotebookApp.token={self.token}",
             "--NotebookApp.open_browser=False"] + (["--allow-root"] if os.geteuid() == 0 else []),
            env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + STEP_TIMEOUT
        while True:
            try:
                self.api("GET", "/api/status")
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    text = self.log_text()
                    self.stop()
                    raise RuntimeError("the notebook server did not start:\n" + text)
                time.sleep(0.2)

    def api(self, method, path, body=None):
        request = urllib.request.Request(self.url + path, method=method,
                                         data=None if body is None else json.dumps(body).encode(),
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read()
            return json.loads(text) if text else None

    def shut_down_kernels(self):
        for kernel in self.api("GET", "/api/kernels"):
            self.api("DELETE", f"/api/kernels/{kernel['id']}")

    def log_text(self):
        self.log.flush()
        with open(self.log.name) as log:
            return log.read()[-6000:]

    def stop(self):
        """Ends the server and every process it started (kernels and their user JVMs)."""
        if self.process.poll() is None:
            try:
                self.shut_down_kernels()
            except OSError:
                pass
            self.process.send_signal(signal.SIGINT)
            self.process.send_signal(signal.SIGINT)  # the second one skips the confirmation
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)  # leftovers of the session started for it
        except ProcessLookupError:
            pass
        self.log.close()


class Browser:
    def __init__(self, server, screenshots):
        self.server = server
        self.screenshots = screenshots
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--window-size=1400,1000", "--disable-extensions", "--no-first-run"):
            options.add_argument(argument)
        service = Service(executable_path=CHROMEDRIVER)
        self.driver = webdriver.Chrome(service=service, options=options)
        self.driver.set_script_timeout(STEP_TIMEOUT)
        self.driver.get(f"{server.url}/tree?token={server.token}")  # sets the login cookie

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def wait(self, condition, what, timeout=STEP_TIMEOUT):
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.2).until(lambda _: condition())
        except TimeoutException:
            raise CheckFailed(f"waited {timeout} s for {what}") from None

    def open(self, path):
        """Opens a notebook (unless it is the page shown) and waits until it is loaded and its kernel is idle."""
        url = f"{self.server.url}/notebooks/{path}"
        if self.driver.current_url != url:
            self.driver.get(url)
        self.wait(lambda: self.js("return !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded)"),
                  f"{path} to load")
        self.wait_idle(f"the kernel of {path} to start")

    def wait_idle(self, what, timeout=STEP_TIMEOUT):
        self.wait(lambda: self.js("var k = Jupyter.notebook.kernel;"
                                  "return !!(k && k.is_connected() && !Jupyter.notebook.kernel_busy"
                                  " && $('#kernel_indicator_icon').hasClass('kernel_idle_icon'))"),
                  what, timeout)

    def kernel_badge(self):
        """What the page shows of the kernel's state: the indicator's icon and the notification's text."""
        return self.js("var n = $('#notification_kernel'), icon = $('#kernel_indicator_icon');"
                       "var shown = n.is(':visible');"
                       "return {icon: icon.attr('class'), title: icon.attr('title'), message: shown ? n.text() : '',"
                       " warning: shown && (n.hasClass('danger') || n.hasClass('warning'))};")

    def wait_shown_ready(self, what, timeout=STEP_TIMEOUT):
        """Waits until the page shows an idle kernel and no warning about it (no "Dead kernel" badge)."""
        badge = {}

        def ready():
            badge.update(self.kernel_badge())
            return badge["icon"] == "kernel_idle_icon" and not badge["warning"]
        try:
            WebDriverWait(self.driver, timeout, poll_frequency=0.2).until(lambda _: ready())
        except TimeoutException:
            raise CheckFailed(f"waited {timeout} s for {what}; the page shows the indicator {badge.get('icon')!r} "
                              f"({badge.get('title')!r}) and the notification {badge.get('message')!r}") from None
        return badge

    def screenshot(self, name):
        os.makedirs(self.screenshots, exist_ok=True)
        base = os.path.join(self.screenshots, name.replace("/", "_").replace(" ", "_"))
        try:
            self.driver.save_screenshot(base + ".png")
            with open(base + ".txt", "w") as text:
                text.write(self.js("return document.body.innerText"))
            return base + ".png"
        except Exception as error:  # a dead page must not hide the check's own failure
            return f"(no screenshot: {error})"

    # Cells -------------------------------------------------------------------------------------

    def code_cells(self):
        return self.js("return Jupyter.notebook.get_cells().map(function (c, i) {"
                       " return {index: i, type: c.cell_type, tags: (c.metadata.tags || []),"
                       " prompt: c.cell_type === 'code' ? c.input_prompt_number : null}; })"
                       ".filter(function (c) { return c.type === 'code'; })")

    def new_cell(self, text):
        """Appends a code cell holding text and selects it; returns its index."""
        return self.js("var nb = Jupyter.notebook; var cell = nb.insert_cell_at_bottom('code');"
                       "cell.set_text(arguments[0]); var i = nb.find_cell_index(cell);"
                       "nb.select(i); nb.scroll_to_cell(i); return i;", text)

    def run_cell(self, text, timeout=STEP_TIMEOUT):
        """Runs text in a new cell with Shift-Enter and returns the cell's output text."""
        index = self.new_cell(text)
        self.start_cell(index)
        self.wait(lambda: self.prompt(index) not in (None, "*"), f"cell {index} ({text!r}) to finish", timeout)
        return index, self.output_text(index)

    def prompt(self, index):
        return self.js("return Jupyter.notebook.get_cell(arguments[0]).input_prompt_number", index)

    def output_text(self, index):
        return self.js("return Jupyter.notebook.get_cell(arguments[0]).output_area.element[0].innerText", index)

    def has_error_output(self, index):
        return self.js("return Jupyter.notebook.get_cell(arguments[0]).output_area.element"
                       ".find('.output_error').length > 0", index)

    def type_into(self, index, keys):
        """Puts the cursor at the end of cell index's text (edit mode) and types keys there."""
        self.js("var nb = Jupyter.notebook; var cell = nb.get_cell(arguments[0]); nb.select(arguments[0]);"
                "cell.code_mirror.focus(); cell.code_mirror.execCommand('goDocEnd'); nb.edit_mode();", index)
        ActionChains(self.driver).send_keys(keys).perform()

    def shift(self, key):
        """Types Shift + key where the cursor is."""
        ActionChains(self.driver).key_down(Keys.SHIFT).send_keys(key).key_up(Keys.SHIFT).perform()

    def start_cell(self, index):
        """Runs cell index with Shift-Enter, as a person does, without waiting for it."""
        self.type_into(index, "")
        self.shift(Keys.ENTER)

    def click_toolbar(self, action):
        self.driver.find_element(By.CSS_SELECTOR, f'#maintoolbar button[data-jupyter-action="{action}"]').click()


# The checks ------------------------------------------------------------------------------------

def chart_outputs(path):
    """(cell index, output index) of every saved output that holds a chart."""
    with open(path) as file:
        notebook = json.load(file)
    charts = []
    for cell_index, cell in enumerate(notebook["cells"]):
        for output_index, output in enumerate(cell.get("outputs", [])):
            data = output.get("data", {})
            html = data.get("text/html", "")
            html = "".join(html) if isinstance(html, list) else html
            if any(kind.startswith("image/") for kind in data) or "<svg" in html or "<img" in html:
                charts.append((cell_index, output_index))
    return charts


def check_untrusted_charts(browser, root, path):
    charts = chart_outputs(os.path.join(root, path))
    if not charts:
        return f"no charts saved in {path}"
    browser.open(path)
    if browser.js("return Jupyter.notebook.trusted"):
        raise CheckFailed(f"{path} opened trusted; the check needs an untrusted notebook")
    missing = []
    for cell_index, output_index in charts:
        # A picture: an <img> the browser decoded, or an <svg> whose drawing has a size.
        pictures = browser.js(
            "var area = Jupyter.notebook.get_cell(arguments[0]).output_area.element;"
            "var output = area.find('.output_area').eq(arguments[1]);"
            "return output.find('img, svg').toArray().filter(function (e) {"
            "  var box = e.getBoundingClientRect();"
            "  var drawn = e.tagName.toLowerCase() === 'img' ? (e.complete && e.naturalWidth > 0)"
            "      : e.querySelectorAll('rect, path, line, polyline, text').length > 0;"
            "  return drawn && box.width > 40 && box.height > 40; }).length;", cell_index, output_index)
        if not pictures:
            text = browser.js("var area = Jupyter.notebook.get_cell(arguments[0]).output_area.element;"
                              "return area.find('.output_area').eq(arguments[1]).text().slice(0, 200);",
                              cell_index, output_index)
            missing.append(f"cell {cell_index} output {output_index} shows no picture (its text: {text!r})")
    if missing:
        raise CheckFailed(f"{path}, untrusted: " + "; ".join(missing))
    return f"{len(charts)} charts shown as pictures"


def check_run_all(browser, path):
    browser.open(path)
    browser.driver.find_element(By.ID, "celllink").click()        # the Cell menu ...
    browser.driver.find_element(By.CSS_SELECTOR, "#run_all_cells > a").click()  # ... Run All
    browser.wait(lambda: all(cell["prompt"] not in ("*", None) or cell["index"] in empty_cells(browser)
                             for cell in browser.code_cells()),
                 f"every cell of {path} to run", RUN_ALL_TIMEOUT)
    browser.wait_idle(f"the kernel of {path} to be idle after Run All")
    errors = [cell["index"] for cell in browser.code_cells()
              if "raises-exception" not in cell["tags"] and browser.has_error_output(cell["index"])]
    if errors:
        raise CheckFailed(f"{path}: error output in cells " + ", ".join(
            f"{i}: {browser.output_text(i)[:300]!r}" for i in errors))
    return f"{len(browser.code_cells())} code cells ran"


def empty_cells(browser):
    return browser.js("return Jupyter.notebook.get_cells().map(function (c, i) {"
                      " return c.cell_type === 'code' && c.get_text().trim() === '' ? i : -1; })"
                      ".filter(function (i) { return i >= 0; })")


def check_completion(browser):
    browser.run_cell("var a = arr.ones(3);")
    index = browser.new_cell("a.n")
    browser.type_into(index, Keys.TAB)
    browser.wait(lambda: browser.js("return $('#complete select option').length > 0"), "the completion list for a.n")
    options = browser.js("return $('#complete select option').toArray().map(function (o) { return o.textContent; })")
    ActionChains(browser.driver).send_keys(Keys.ESCAPE).perform()
    if not any(o.startswith("nbytes") for o in options) or not any(o.startswith("ndim") for o in options):
        raise CheckFailed(f"a.n + Tab listed {options}, without nbytes() and ndim()")
    return "a.n + Tab listed " + ", ".join(options)


def check_tooltip(browser):
    index = browser.new_cell("arr.ones")
    browser.type_into(index, "(")      # CodeMirror closes the bracket; the cursor stays inside
    browser.shift(Keys.TAB)
    browser.wait(lambda: browser.js("return $('#tooltip').is(':visible') && $('#tooltip').text().length > 0"),
                 "the Shift-Tab tooltip on arr.ones(")
    text = browser.js("return $('#tooltip').text()")
    ActionChains(browser.driver).send_keys(Keys.ESCAPE).perform()
    if "ones" not in text or "shape" not in text:
        raise CheckFailed(f"the tooltip on arr.ones( says {text[:300]!r}, not ones' signature")
    return "tooltip: " + " ".join(text.split())[:120]


def check_interrupt(browser):
    browser.run_cell("int before = 41;")
    loop = browser.new_cell("while (true) {}")
    browser.start_cell(loop)
    browser.wait(lambda: browser.js("return Jupyter.notebook.kernel_busy"), "the endless loop to start")
    time.sleep(1)  # the loop is running, not starting
    if browser.prompt(loop) != "*":
        raise CheckFailed(f"the endless loop is not running (prompt {browser.prompt(loop)!r})")
    browser.click_toolbar("jupyter-notebook:interrupt-kernel")
    browser.wait(lambda: browser.prompt(loop) != "*", "the interrupt button to stop while (true) {}")
    _, output = browser.run_cell("before + 1")
    if "42" not in output:
        raise CheckFailed(f"after the interrupt, before + 1 gave {output!r}, not 42")
    return "the loop stopped; before + 1 = 42 afterwards"


def check_restart(browser):
    browser.run_cell("int kept = 7;")
    browser.click_toolbar("jupyter-notebook:confirm-restart-kernel")
    button = browser.wait(lambda: next(iter(browser.driver.find_elements(
        By.XPATH, "//div[contains(@class,'modal-footer')]//button[normalize-space()='Restart']")), None),
        "the restart confirmation")
    button.click()
    browser.wait(lambda: not browser.js("return $('.modal').is(':visible')"), "the dialog to close")
    browser.wait_idle("the restarted kernel")
    browser.wait_shown_ready("the page to show the restarted kernel ready")
    index, output = browser.run_cell("kept")
    if not browser.has_error_output(index) or "kept" not in output:
        raise CheckFailed(f"after a restart, kept still answered {output!r}")
    _, output = browser.run_cell("6 * 7")
    if "42" not in output:
        raise CheckFailed(f"after a restart, 6 * 7 gave {output!r}")
    return "restarted: the variables are gone, the next cell runs"


def kernel_processes(server, kernel_id):
    """The processes whose command line names the kernel's connection file."""
    import psutil
    found = []
    for process in psutil.Process(server.process.pid).children(recursive=True):
        try:
            command = " ".join(process.cmdline())
        except psutil.Error:
            continue
        if f"kernel-{kernel_id}.json" in command:
            found.append(process)
    return found


def check_kernel_death(browser, server):
    index = browser.new_cell("Thread.sleep(600_000)")
    browser.start_cell(index)
    browser.wait(lambda: browser.js("return Jupyter.notebook.kernel_busy"), "the long cell to start")
    kernels = kernel_processes(server, browser.js("return Jupyter.notebook.kernel.id"))
    if len(kernels) != 1:
        raise CheckFailed(f"expected one kernel process, found {[p.cmdline() for p in kernels]}")
    kernels[0].kill()  # as the out-of-memory killer would
    browser.wait(lambda: browser.js("return $('.modal-title').filter(':visible').text()") == "Kernel Restarting",
                 "Jupyter's 'Kernel Restarting' dialog")
    body = browser.js("return $('.modal-body').filter(':visible').text()")
    browser.driver.find_element(By.XPATH, "//div[contains(@class,'modal-footer')]//button[normalize-space()='OK']").click()
    # Jupyter restarts the kernel by itself, and the page shows it ready without any action.
    browser.wait_shown_ready("the page to show the new kernel ready instead of 'Dead kernel'", RESTART_TIMEOUT)
    _, output = browser.run_cell("arr.ones(4).nbytes()", RESTART_TIMEOUT)
    if "32" not in output:
        raise CheckFailed(f"after the kernel died, arr.ones(4).nbytes() gave {output!r}")
    browser.wait_idle("the kernel indicator to show an idle kernel")
    badge = browser.wait_shown_ready("the page to show an idle kernel after the next cell")
    return f"'Kernel Restarting': {body.strip()!r}; the page showed the new kernel ready; the next cell gave 32 ({badge['title']})"


def main(argv):
    source, screenshots = argv[0], argv[1]
    untrusted_charts = "--untrusted-charts" in argv
    run_all = "--skip-run-all" not in argv
    state = tempfile.mkdtemp(prefix="footprint-browser-")
    root = os.path.join(state, "notebooks")
    shutil.copytree(source, root, ignore=shutil.ignore_patterns("*.nbconvert.ipynb", ".ipynb_checkpoints"))
    shipped = sorted(os.path.relpath(os.path.join(folder, name), root)
                     for folder, _, names in os.walk(root) for name in names if name.endswith(".ipynb"))
    try:
        server = NotebookServer(root, state)
    except Exception:
        shutil.rmtree(state, ignore_errors=True)
        raise
    browser = None
    failures = 0
    try:
        browser = Browser(server, screenshots)
        checks = []
        for path in shipped:  # both on one opening of the notebook: first as saved, then run
            if untrusted_charts and chart_outputs(os.path.join(root, path)):
                checks.append((f"untrusted charts {path}", lambda p=path: check_untrusted_charts(browser, root, p)))
            if run_all:
                checks.append((f"run all {path}", lambda p=path: check_run_all(browser, p)))
        server.api("PUT", "/api/contents/scratch.ipynb", {"type": "notebook", "content": {
            "cells": [], "metadata": {"kernelspec": {"name": KERNEL, "display_name": "Java (Footprint)",
                                                      "language": "java"}},
            "nbformat": 4, "nbformat_minor": 5}})
        checks += [("open scratch.ipynb", lambda: browser.open("scratch.ipynb")),
                   ("completion", lambda: check_completion(browser)),
                   ("tooltip", lambda: check_tooltip(browser)),
                   ("interrupt", lambda: check_interrupt(browser)),
                   ("restart", lambda: check_restart(browser)),
                   ("kernel death", lambda: check_kernel_death(browser, server))]
        for name, check in checks:
            start = time.monotonic()
            try:
                detail = check()
                print(f"ok {name} ({time.monotonic() - start:.1f} s): {detail or ''}", flush=True)
            except Exception as error:
                failures += 1
                picture = browser.screenshot(name)
                reason = str(error) if isinstance(error, CheckFailed) else traceback.format_exc()
                print(f"FAILED {name}: {reason}\n  screenshot: {picture}", flush=True)
            if name.startswith("run all"):
                server.shut_down_kernels()  # one kernel at a time on a small machine
    except Exception:
        failures += 1
        print("FAILED setting up the browser: " + traceback.format_exc())
    finally:
        if browser is not None:
            browser.driver.quit()
        if failures:
            print("notebook server log (end):\n" + server.log_text())
        server.stop()
        shutil.rmtree(state, ignore_errors=True)
    print(f"{failures} failed" if failures else "all browser checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
